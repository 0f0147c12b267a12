using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Learned;

namespace Augur.Prediction.Gpu;

/// <summary>
/// <c>predictor/helios</c>: a GPU job's run time as Helios's QSSF service estimates it (Hu et al., SC'21, and
/// the CombinedEstimator of its artifact): alpha x a history estimate + (1 - alpha) x gradient-boosted trees,
/// alpha = 0.1. The history estimate is the mean run time of the ended jobs of the same group with the same
/// request shape (GPUs and share), else of the same group, else of all jobs, else 0 before any job ended
/// (Helios uses the same user's jobs with the same GPU count, else the user's, else everyone's; the traces here
/// have no user: Philly's group is its virtual cluster, openb's its QoS class). The trees (XGBoost, the options
/// of <c>predictor/xgboost</c>) are fitted to log(1 + run time) of the most recently ended jobs on
/// <see cref="GpuFeatureExtractor"/>'s features, first after 250 ends, then each time the ends double and at
/// least every 4,000. Until the first model it predicts the history estimate alone. A job's features are fixed
/// at its submission and it joins the training data only when it ends: nothing is learned before it is known.
/// </summary>
public sealed class HeliosPredictor : IGpuPredictor, IDisposable
{
    /// <summary>The weight of the history estimate: Helios's CombinedEstimator's alpha.</summary>
    public const double HistoryWeight = 0.1;

    private readonly GpuFeatureExtractor features = new();
    private readonly OnlineBoostedTrees trees;

    public HeliosPredictor(XGBoostPredictorOptions? options = null) =>
        trees = new OnlineBoostedTrees(GpuFeatureExtractor.Count, options ?? new XGBoostPredictorOptions());

    public string Id => "predictor/helios";

    /// <summary>Models trained so far.</summary>
    public int Trainings => trees.Trainings;

    public Duration Predict(GpuJobRequest job, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var row = trees.RowFor(job.Index);
        features.Observe(job, row);
        var history = HistoryEstimate(job);
        var seconds = trees.HasModel ? (HistoryWeight * history) + ((1 - HistoryWeight) * trees.PredictSeconds(row)) : history;
        return DurationOf(seconds);
    }

    /// <summary>A predicted run time in seconds as a duration, capped at 10¹² s so that no estimate overflows.</summary>
    internal static Duration DurationOf(double seconds) => new((long)Math.Round(Math.Min(seconds, 1e12) * Duration.MicrosecondsPerSecond));

    /// <summary>The history estimate in seconds: same group and shape, else group, else everyone; 0 with no history.</summary>
    public double HistoryEstimate(GpuJobRequest job) => features.MeanRunTimeOf(job);

    public void Learn(GpuJobRequest job, Duration runTime, Instant end)
    {
        ArgumentNullException.ThrowIfNull(job);
        var seconds = runTime.TotalSeconds;
        features.Learn(job, seconds);
        trees.Learn(job.Index, seconds);
    }

    public void Dispose() => trees.Dispose();
}
