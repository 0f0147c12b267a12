using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Prediction;

/// <summary>
/// Estimates what a job needs from what is known at its submission, and learns from each job that ends.
/// Drivers (the simulator, the service) call <see cref="Predict"/> once per job at submission and
/// <see cref="Learn"/> once per job at its end, in time order; a predictor sees nothing earlier, so it
/// cannot learn the future. Ids are <c>predictor/name</c>.
/// </summary>
public interface IPredictor
{
    string Id { get; }

    PredictionTarget Target { get; }

    /// <summary>True only for an oracle that is handed the truth on purpose (an upper bound, labelled in every output).</summary>
    bool IsOracle { get; }

    Prediction Predict(JobRequest job, in PredictionContext context);

    /// <summary>The job ended at <paramref name="end"/> with <paramref name="outcome"/>.</summary>
    void Learn(JobRequest job, JobOutcome outcome, Instant end);
}
