using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Prediction;

/// <summary>What a driver hands a predictor factory.</summary>
/// <param name="Truth">
/// Each job's true run time, for the clairvoyant oracle only; null where the driver has no truth to give
/// (the live service), and then the oracle cannot be built.
/// </param>
/// <param name="Seed">Seeds every random choice, so that runs repeat exactly.</param>
/// <param name="TotalProcessors">The machine's size, for load features; 0 when unknown.</param>
public sealed record PredictorSetup(Func<JobRequest, Duration>? Truth = null, int Seed = 1, long TotalProcessors = 0);
