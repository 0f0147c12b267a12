using System.Globalization;

namespace Augur.Prediction.Boosting;

/// <summary>The training loops behind <see cref="BoostedTreesModel.Train"/> and <see cref="BoostedTreesModel.TrainQuantile"/>.</summary>
internal static class BoostedTreesTrainer
{
    internal static BoostedTreesModel Train(BoostedTreesMatrix features, ReadOnlySpan<float> labels, BoostedTreesOptions options)
    {
        Validate(features, labels, options);
        var absolute = options.Objective == BoostedTreesObjective.AbsoluteError;
        var baseScore = options.BaseScore ?? (absolute ? LabelQuantile(labels, 0.5) : LabelMean(labels));
        using var training = CreateTrainingMatrix(features, labels);
        var booster = Configure(training, options, absolute ? "reg:absoluteerror" : "reg:squarederror", baseScore);
        try
        {
            XGBoostLog.Listen();
            for (var round = 0; round < options.Rounds; round++)
            {
                XGBoostLibrary.Check(
                    XGBoostNative.XGBoosterUpdateOneIter(booster, round, training), nameof(XGBoostNative.XGBoosterUpdateOneIter));
                XGBoostLog.ThrowIfParametersUnused(nameof(XGBoostNative.XGBoosterUpdateOneIter));
            }

            return new BoostedTreesModel(booster, features.Columns);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Minimizes the pinball loss through XGBoost's custom-gradient entry point, since 1.7 has no quantile objective:
    /// with residual r = label - prediction, the gradient is -q where r &gt; 0 and 1 - q elsewhere; the hessian is 1.
    /// </summary>
    internal static unsafe BoostedTreesModel TrainQuantile(
        BoostedTreesMatrix features, ReadOnlySpan<float> labels, double quantile, BoostedTreesOptions options)
    {
        if (!(quantile is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "The quantile must be in (0, 1).");
        }

        Validate(features, labels, options);
        var baseScore = options.BaseScore ?? LabelQuantile(labels, quantile);
        using var training = CreateTrainingMatrix(features, labels);

        // Squared error only fixes the link (identity), so that predictions are the margins the gradient is taken at.
        var booster = Configure(training, options, "reg:squarederror", baseScore);
        try
        {
            var rows = labels.Length;
            var gradient = new float[rows];
            var hessian = new float[rows];
            Array.Fill(hessian, 1f);
            var underPredicted = (float)-quantile;
            var overPredicted = (float)(1 - quantile);
            XGBoostLog.Listen();
            for (var round = 0; round < options.Rounds; round++)
            {
                var predictions = booster.Predict(training, rows, training: true);
                for (var row = 0; row < rows; row++)
                {
                    gradient[row] = labels[row] > predictions[row] ? underPredicted : overPredicted;
                }

                fixed (float* gradientPointer = gradient, hessianPointer = hessian)
                {
                    XGBoostLibrary.Check(
                        XGBoostNative.XGBoosterBoostOneIter(booster, training, gradientPointer, hessianPointer, (ulong)rows),
                        nameof(XGBoostNative.XGBoosterBoostOneIter));
                }

                XGBoostLog.ThrowIfParametersUnused(nameof(XGBoostNative.XGBoosterBoostOneIter));
            }

            return new BoostedTreesModel(booster, features.Columns);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    private static void Validate(BoostedTreesMatrix features, ReadOnlySpan<float> labels, BoostedTreesOptions options)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (features.Rows == 0)
        {
            throw new ArgumentException("The feature matrix has no rows to train on.", nameof(features));
        }

        if (labels.Length != features.Rows)
        {
            throw new ArgumentException(
                $"There are {labels.Length} labels for {features.Rows} rows of features; give one label per row.", nameof(labels));
        }

        for (var row = 0; row < labels.Length; row++)
        {
            if (!float.IsFinite(labels[row]))
            {
                throw new ArgumentException($"The label of row {row} is {labels[row]}; labels must be finite.", nameof(labels));
            }
        }
    }

    private static DMatrixHandle CreateTrainingMatrix(BoostedTreesMatrix features, ReadOnlySpan<float> labels)
    {
        var training = DMatrixHandle.Create(features.Values, features.Rows, features.Columns, nameof(features));
        try
        {
            training.SetLabels(labels);
            return training;
        }
        catch
        {
            training.Dispose();
            throw;
        }
    }

    private static BoosterHandle Configure(DMatrixHandle training, BoostedTreesOptions options, string objective, float baseScore)
    {
        var booster = BoosterHandle.Create(training);
        try
        {
            // First, so that XGBoost checks every name set after it.
            booster.SetParameter("validate_parameters", "1");
            booster.SetParameter("nthread", Text(options.Threads));
            booster.SetParameter("seed", Text(options.Seed));
            // The histogram method: fast, and deterministic for a given thread count.
            booster.SetParameter("tree_method", "hist");
            booster.SetParameter("max_depth", Text(options.MaxDepth));
            booster.SetParameter("eta", Text(options.LearningRate));
            booster.SetParameter("min_child_weight", Text(options.MinChildWeight));
            booster.SetParameter("lambda", Text(options.Lambda));
            booster.SetParameter("subsample", "1");
            booster.SetParameter("objective", objective);
            booster.SetParameter("base_score", Text(baseScore));
            foreach (var (name, value) in options.AdditionalParameters)
            {
                booster.SetParameter(name, value);
            }

            return booster;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    private static float LabelMean(ReadOnlySpan<float> labels)
    {
        var sum = 0.0;
        foreach (var label in labels)
        {
            sum += label;
        }

        return (float)(sum / labels.Length);
    }

    /// <summary>The nearest-rank quantile: the smallest label with at least a share <paramref name="quantile"/> at or below it.</summary>
    private static float LabelQuantile(ReadOnlySpan<float> labels, double quantile)
    {
        var sorted = labels.ToArray();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
