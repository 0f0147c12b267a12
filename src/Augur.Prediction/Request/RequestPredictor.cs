using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction.Request;

/// <summary>
/// <c>predictor/request</c>: what the user asked for — the requested time, which is what plain backfilling
/// plans with, or the requested memory (unbounded when the request has none).
/// </summary>
public sealed class RequestPredictor : IPredictor
{
    public RequestPredictor(PredictionTarget target = PredictionTarget.RunTime)
    {
        Target = target;
    }

    public string Id => "predictor/request";

    public PredictionTarget Target { get; }

    public bool IsOracle => false;

    public Core.Prediction.Prediction Predict(JobRequest job, in PredictionContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Core.Prediction.Prediction.Of(RequestOf(job, Target));
    }

    public void Learn(JobRequest job, JobOutcome outcome, Instant end)
    {
    }

    /// <summary>The job's request in the target's unit (seconds or kilobytes); +∞-like when it has none.</summary>
    public static double RequestOf(JobRequest job, PredictionTarget target)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (target == PredictionTarget.RunTime)
        {
            return job.RequestedTime.TotalSeconds;
        }

        return job.RequestedMemoryKilobytes > 0 ? job.RequestedMemoryKilobytes : double.MaxValue;
    }
}
