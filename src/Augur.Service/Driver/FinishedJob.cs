using Augur.Service.Store;

namespace Augur.Service.Driver;

/// <summary>
/// A job that ended, as the dashboard compares it: the run time the scheduler planned with when it started the
/// job (with a predictor; null without one, or when the plan had no limit) against the run time it had.
/// Times are microseconds since the Unix epoch; a job cancelled while queued has no start and no run time.
/// </summary>
public sealed record FinishedJob(
    long Id,
    string User,
    string Name,
    JobState State,
    long SubmitMicroseconds,
    long? StartMicroseconds,
    long EndMicroseconds,
    double? PredictedRunSeconds,
    long? WallTimeSeconds);
