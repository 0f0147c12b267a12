using Augur.Prediction.Boosting;

namespace Augur.Prediction.Tests.Boosting;

/// <summary>Small data sets with known answers for the XGBoost binding's tests.</summary>
internal static class BoostingData
{
    /// <summary>One column holding <paramref name="values"/>.</summary>
    internal static BoostedTreesMatrix Column(params float[] values) => new(values, 1);

    /// <summary>Features drawn from a seeded generator, and a label mixing them non-linearly.</summary>
    internal static (BoostedTreesMatrix Features, float[] Labels) Random(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var features = new BoostedTreesMatrix(rows, columns);
        var labels = new float[rows];
        for (var row = 0; row < rows; row++)
        {
            var values = features.Row(row);
            for (var column = 0; column < columns; column++)
            {
                values[column] = (float)random.NextDouble();
            }

            labels[row] = (float)((10 * values[0]) + (5 * values[1] * values[1]) + (values[2] > 0.5 ? 3 : 0) + random.NextDouble());
        }

        return (features, labels);
    }

    /// <summary>The bits of each value, so that two predictions compare exactly (NaN included).</summary>
    internal static int[] Bits(ReadOnlySpan<float> values)
    {
        var bits = new int[values.Length];
        for (var index = 0; index < values.Length; index++)
        {
            bits[index] = BitConverter.SingleToInt32Bits(values[index]);
        }

        return bits;
    }

    internal static float[] Predictions(BoostedTreesModel model, BoostedTreesMatrix features)
    {
        var output = new float[features.Rows];
        model.Predict(features, output);
        return output;
    }
}
