namespace Augur.Prediction.Boosting;

/// <summary>
/// Gradient-boosted regression trees trained and evaluated by XGBoost's C library (Debian's libxgboost0). Same
/// data and options give byte-identical predictions. Not for use from several threads at once.
/// </summary>
public sealed class BoostedTreesModel : IDisposable
{
    private static ReadOnlySpan<byte> SaveConfiguration => "{\"format\":\"ubj\"}\0"u8;

    private readonly BoosterHandle _booster;
    private bool _disposed;

    internal BoostedTreesModel(BoosterHandle booster, int columns)
    {
        _booster = booster;
        Columns = columns;
    }

    /// <summary>The number of features each row must have.</summary>
    public int Columns { get; }

    /// <summary>Fits the trees to <paramref name="labels"/> (one per row) with <see cref="BoostedTreesOptions.Objective"/>.</summary>
    /// <exception cref="ArgumentException">The input or the options are invalid.</exception>
    /// <exception cref="XGBoostException">XGBoost refused, for example a parameter it does not know.</exception>
    public static BoostedTreesModel Train(BoostedTreesMatrix features, ReadOnlySpan<float> labels, BoostedTreesOptions options) =>
        BoostedTreesTrainer.Train(features, labels, options);

    /// <summary>
    /// Fits the trees to the <paramref name="quantile"/> (in (0, 1)) of <paramref name="labels"/> by the pinball
    /// loss; <see cref="BoostedTreesOptions.Objective"/> is not used. Each round moves a leaf by at most
    /// learning rate x max(q, 1 - q) label units, so labels should be of order one (log run times, not seconds).
    /// </summary>
    public static BoostedTreesModel TrainQuantile(
        BoostedTreesMatrix features, ReadOnlySpan<float> labels, double quantile, BoostedTreesOptions options) =>
        BoostedTreesTrainer.TrainQuantile(features, labels, quantile, options);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static unsafe BoostedTreesModel Load(ReadOnlySpan<byte> model)
    {
        if (model.IsEmpty)
        {
            throw new ArgumentException("The saved model is empty.", nameof(model));
        }

        var booster = BoosterHandle.Create(null);
        try
        {
            fixed (byte* pointer = model)
            {
                XGBoostLibrary.Check(
                    XGBoostNative.XGBoosterLoadModelFromBuffer(booster, pointer, (ulong)model.Length),
                    nameof(XGBoostNative.XGBoosterLoadModelFromBuffer));
            }

            // A saved model carries trees, not run-time settings: keep prediction on one thread, as when trained.
            booster.SetParameter("nthread", "1");
            return new BoostedTreesModel(booster, booster.FeatureCount());
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>The prediction for one row of <see cref="Columns"/> features (NaN = missing).</summary>
    public float Predict(ReadOnlySpan<float> row)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (row.Length != Columns)
        {
            throw new ArgumentException($"The row has {row.Length} features; the model needs {Columns}.", nameof(row));
        }

        // A fresh matrix every time: XGBoost answers from a cache for a matrix it has seen in training.
        using var matrix = DMatrixHandle.Create(row, 1, Columns, nameof(row));
        return _booster.Predict(matrix, 1, training: false)[0];
    }

    /// <summary>One prediction per row of <paramref name="features"/> into <paramref name="output"/> (same length).</summary>
    public void Predict(BoostedTreesMatrix features, Span<float> output)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(features);
        if (features.Columns != Columns)
        {
            throw new ArgumentException($"The matrix has {features.Columns} columns; the model needs {Columns}.", nameof(features));
        }

        if (output.Length != features.Rows)
        {
            throw new ArgumentException($"The output holds {output.Length} values for {features.Rows} rows.", nameof(output));
        }

        if (features.Rows == 0)
        {
            return;
        }

        using var matrix = DMatrixHandle.Create(features.Values, features.Rows, Columns, nameof(features));
        _booster.Predict(matrix, features.Rows, training: false).CopyTo(output);
    }

    /// <summary>The trees in XGBoost's own format (Universal Binary JSON), for <see cref="Load"/>.</summary>
    public unsafe byte[] Save()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ulong length;
        byte* model;
        fixed (byte* configuration = SaveConfiguration)
        {
            XGBoostLibrary.Check(
                XGBoostNative.XGBoosterSaveModelToBuffer(_booster, configuration, out length, out model),
                nameof(XGBoostNative.XGBoosterSaveModelToBuffer));
        }

        return new ReadOnlySpan<byte>(model, checked((int)length)).ToArray();
    }

    public void Dispose()
    {
        _disposed = true;
        _booster.Dispose();
    }

    /// <summary>Every parameter XGBoost uses, as its JSON: for tests and diagnostics.</summary>
    internal string ConfigurationJson()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _booster.ConfigurationJson();
    }
}
