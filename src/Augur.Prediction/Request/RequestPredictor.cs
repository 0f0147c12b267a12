using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction.Request;

/// <summary>
/// <c>predictor/request</c>: what the user asked for — the requested time, which is what plain backfilling
/// plans with, or the requested memory; no estimate (<see cref="Core.Prediction.Prediction.None"/>) when the
/// job asked for none.
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
        var requested = RequestOf(job, Target);
        return double.IsNaN(requested) ? Core.Prediction.Prediction.None : Core.Prediction.Prediction.Of(requested);
    }

    public void Learn(JobRequest job, JobOutcome outcome, Instant end)
    {
    }

    /// <summary>The job's request in the target's unit (seconds or kilobytes); NaN when it has none.</summary>
    public static double RequestOf(JobRequest job, PredictionTarget target)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (target == PredictionTarget.RunTime)
        {
            return job.HasRequestedTime ? job.RequestedTime.TotalSeconds : double.NaN;
        }

        return job.RequestedMemoryKilobytes > 0 ? job.RequestedMemoryKilobytes : double.NaN;
    }
}
