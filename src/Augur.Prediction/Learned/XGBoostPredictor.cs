using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Features;

namespace Augur.Prediction.Learned;

/// <summary>
/// <c>predictor/xgboost</c>: gradient-boosted trees (XGBoost) on <see cref="JobFeatureExtractor"/>'s
/// features, fitted to log(1 + run time) over a sliding window of the most recently ended jobs and retrained
/// as jobs end (docs/predictors.md). A job's features are fixed at its submission and join the training
/// data only when it ends, so nothing is learned before it could be known. Until the first model, it
/// predicts the user's recent mean run time, or the request.
/// </summary>
public sealed class XGBoostPredictor : IPredictor, IDisposable
{
    private readonly OnlineBoostedTrees trees;

    public XGBoostPredictor(XGBoostPredictorOptions? options = null, long totalProcessors = 0)
    {
        trees = new OnlineBoostedTrees(JobFeatureExtractor.Count, options ?? new XGBoostPredictorOptions());
        Features = new JobFeatureExtractor(totalProcessors);
    }

    public string Id => "predictor/xgboost";

    public PredictionTarget Target => PredictionTarget.RunTime;

    public bool IsOracle => false;

    /// <summary>The features, shared with a mixture of experts built on this predictor.</summary>
    public JobFeatureExtractor Features { get; }

    /// <summary>Models trained so far.</summary>
    public int Trainings => trees.Trainings;

    public Core.Prediction.Prediction Predict(JobRequest job, in PredictionContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        var row = trees.RowFor(job.Index);
        Features.Observe(job, context, row);
        var seconds = PredictSeconds(job, row);
        return double.IsNaN(seconds) ? Core.Prediction.Prediction.None : Core.Prediction.Prediction.Of(seconds);
    }

    /// <summary>The model's run time for a row of features, in seconds; a history fallback before the first model.</summary>
    public double PredictSeconds(JobRequest job, ReadOnlySpan<float> row)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (trees.HasModel)
        {
            return trees.PredictSeconds(row);
        }

        // No model yet: the user's recent mean (row[4] is its log), else the request (NaN: none).
        return float.IsNaN(row[4]) ? (job.HasRequestedTime ? job.RequestedTime.TotalSeconds : double.NaN) : Math.Exp(row[4]) - 1;
    }

    public void Learn(JobRequest job, JobOutcome outcome, Instant end)
    {
        ArgumentNullException.ThrowIfNull(job);
        Features.Learn(job, outcome);

        // A job that ended without a prediction (one the driver adopted) has no row: nothing to train on.
        trees.Learn(job.Index, outcome.RunTime.TotalSeconds);
    }

    public void Dispose() => trees.Dispose();
}
