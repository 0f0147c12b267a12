using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction.Request;

/// <summary><c>predictor/request</c>: the user's requested time, which is what plain backfilling plans with.</summary>
public sealed class RequestPredictor : IPredictor
{
    public string Id => "predictor/request";

    public PredictionTarget Target => PredictionTarget.RunTime;

    public bool IsOracle => false;

    public Core.Prediction.Prediction Predict(JobRequest job, in PredictionContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Core.Prediction.Prediction.Of(job.RequestedTime.TotalSeconds);
    }

    public void Learn(JobRequest job, JobOutcome outcome, Instant end)
    {
    }
}
