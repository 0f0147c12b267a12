using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction;

/// <summary>What a driver hands a predictor factory.</summary>
/// <param name="Truth">
/// Each job's true run time, for the clairvoyant oracle only; null where the driver has no truth to give
/// (the live service), and then the oracle cannot be built.
/// </param>
/// <param name="Seed">Seeds every random choice, so that runs repeat exactly.</param>
/// <param name="TotalProcessors">The machine's size, for load features; 0 when unknown.</param>
/// <param name="Target">What to predict; only predictor/request and predictor/tsafrir predict memory.</param>
public sealed record PredictorSetup(Func<JobRequest, Duration>? Truth = null, int Seed = 1, long TotalProcessors = 0, PredictionTarget Target = PredictionTarget.RunTime)
{
    /// <summary>Throws for a predictor that cannot predict <see cref="Target"/>.</summary>
    public void RequireRunTime(string predictorId)
    {
        if (Target != PredictionTarget.RunTime)
        {
            throw new ArgumentException($"{predictorId} predicts run time only; for memory use predictor/request or predictor/tsafrir.", nameof(predictorId));
        }
    }
}
