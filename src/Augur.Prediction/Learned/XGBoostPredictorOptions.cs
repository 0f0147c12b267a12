using Augur.Prediction.Boosting;

namespace Augur.Prediction.Learned;

/// <summary>How <c>predictor/xgboost</c> learns online. Checked by <see cref="Validate"/> when the predictor is built.</summary>
public sealed record XGBoostPredictorOptions
{
    /// <summary>Completed jobs kept for training: the most recent ones, so the model follows a drifting workload.</summary>
    public int Window { get; init; } = 20_000;

    /// <summary>The first model is trained once this many jobs have ended.</summary>
    public int FirstTraining { get; init; } = 250;

    /// <summary>Later models: after the completed count doubles, and at least every this many ends.</summary>
    public int RetrainEvery { get; init; } = 4_000;

    public BoostedTreesOptions Trees { get; init; } = new()
    {
        Rounds = 40,
        MaxDepth = 6,
        LearningRate = 0.2,
        MinChildWeight = 5,
        Lambda = 1,

        // 64 histogram bins instead of 256: training is most of the cost on long traces, and log-scaled
        // features lose little at that resolution (docs/benchmarks.md).
        AdditionalParameters = new Dictionary<string, string> { ["max_bin"] = "64" },
    };

    public void Validate()
    {
        if (Window < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "The training window must hold at least 10 jobs.");
        }

        if (FirstTraining < 10 || FirstTraining > Window)
        {
            throw new ArgumentOutOfRangeException(nameof(FirstTraining), FirstTraining, $"The first training needs between 10 and {Window} (the window) ended jobs.");
        }

        if (RetrainEvery < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RetrainEvery), RetrainEvery, "Retraining must happen every 1 or more ended jobs.");
        }

        ArgumentNullException.ThrowIfNull(Trees);
        Trees.Validate();
    }
}
