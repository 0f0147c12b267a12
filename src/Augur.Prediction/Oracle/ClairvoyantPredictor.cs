using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction.Oracle;

/// <summary>
/// <c>predictor/clairvoyant</c>: the true run time. Only a driver can build it, since only a driver holds
/// outcomes; it is an upper bound on what prediction can buy, and every output labels it an oracle.
/// </summary>
public sealed class ClairvoyantPredictor : IPredictor
{
    private readonly Func<JobRequest, Duration> truth;

    /// <param name="truth">The driver's record of each job's true run time.</param>
    public ClairvoyantPredictor(Func<JobRequest, Duration> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        this.truth = truth;
    }

    public string Id => "predictor/clairvoyant";

    public PredictionTarget Target => PredictionTarget.RunTime;

    public bool IsOracle => true;

    public Core.Prediction.Prediction Predict(JobRequest job, in PredictionContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Core.Prediction.Prediction.Of(truth(job).TotalSeconds);
    }

    public void Learn(JobRequest job, JobOutcome outcome, Instant end)
    {
    }
}
