using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Boosting;
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
    private readonly XGBoostPredictorOptions options;
    private readonly Dictionary<int, float[]> pendingRows = [];

    // Rows of ended jobs, reused for new submissions: the number alive is the jobs in the system, not all jobs.
    private readonly Stack<float[]> freeRows = new();
    private readonly float[] windowRows;
    private readonly float[] windowLabels;
    private BoostedTreesModel? model;
    private int windowCount;
    private int windowNext;
    private long ended;
    private long nextTraining;

    public XGBoostPredictor(XGBoostPredictorOptions? options = null, long totalProcessors = 0)
    {
        this.options = options ?? new XGBoostPredictorOptions();
        this.options.Validate();
        Features = new JobFeatureExtractor(totalProcessors);
        windowRows = new float[this.options.Window * JobFeatureExtractor.Count];
        windowLabels = new float[this.options.Window];
        nextTraining = this.options.FirstTraining;
    }

    public string Id => "predictor/xgboost";

    public PredictionTarget Target => PredictionTarget.RunTime;

    public bool IsOracle => false;

    /// <summary>The features, shared with a mixture of experts built on this predictor.</summary>
    public JobFeatureExtractor Features { get; }

    /// <summary>Models trained so far.</summary>
    public int Trainings { get; private set; }

    public Core.Prediction.Prediction Predict(JobRequest job, in PredictionContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        var row = freeRows.Count > 0 ? freeRows.Pop() : new float[JobFeatureExtractor.Count];
        Features.Observe(job, context, row);
        pendingRows[job.Index] = row;
        var seconds = PredictSeconds(job, row);
        return double.IsNaN(seconds) ? Core.Prediction.Prediction.None : Core.Prediction.Prediction.Of(seconds);
    }

    /// <summary>The model's run time for a row of features, in seconds; a history fallback before the first model.</summary>
    public double PredictSeconds(JobRequest job, ReadOnlySpan<float> row)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (model is not null)
        {
            return Math.Max(0, Math.Exp(model.Predict(row)) - 1);
        }

        // No model yet: the user's recent mean (row[4] is its log), else the request (NaN: none).
        return float.IsNaN(row[4]) ? (job.HasRequestedTime ? job.RequestedTime.TotalSeconds : double.NaN) : Math.Exp(row[4]) - 1;
    }

    public void Learn(JobRequest job, JobOutcome outcome, Instant end)
    {
        ArgumentNullException.ThrowIfNull(job);
        Features.Learn(job, outcome);
        if (!pendingRows.Remove(job.Index, out var row))
        {
            // Ended without a prediction (a job the driver adopted): nothing to train on.
            return;
        }

        row.CopyTo(windowRows.AsSpan(windowNext * JobFeatureExtractor.Count, JobFeatureExtractor.Count));
        freeRows.Push(row);
        windowLabels[windowNext] = JobFeatureExtractor.Log(outcome.RunTime.TotalSeconds);
        windowNext = (windowNext + 1) % options.Window;
        windowCount = Math.Min(windowCount + 1, options.Window);
        if (++ended >= nextTraining)
        {
            Train();
            nextTraining = ended + Math.Min(ended, options.RetrainEvery);
        }
    }

    public void Dispose()
    {
        model?.Dispose();
        model = null;
    }

    private void Train()
    {
        var matrix = new BoostedTreesMatrix(windowRows[..(windowCount * JobFeatureExtractor.Count)], JobFeatureExtractor.Count);
        var trained = BoostedTreesModel.Train(matrix, windowLabels.AsSpan(0, windowCount), options.Trees);
        model?.Dispose();
        model = trained;
        Trainings++;
    }
}
