using Augur.Service.Driver;
using Augur.Service.Store;

namespace Augur.Service.Api;

/// <summary>A job that ended: its planned run time (with a predictor) against its actual one, in seconds.</summary>
public sealed record FinishedJobView(
    long Id,
    string User,
    string Name,
    string State,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset EndedAt,
    double? RunSeconds,
    double? PredictedRunSeconds,
    long? WallTimeSeconds)
{
    public static FinishedJobView From(FinishedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new FinishedJobView(
            job.Id,
            job.User,
            job.Name,
            JobStates.Name(job.State),
            WallClock.ToDateTime(job.SubmitMicroseconds),
            job.StartMicroseconds is { } start ? WallClock.ToDateTime(start) : null,
            WallClock.ToDateTime(job.EndMicroseconds),
            job.StartMicroseconds is { } started ? Math.Max(0, job.EndMicroseconds - started) / 1e6 : null,
            job.PredictedRunSeconds,
            job.WallTimeSeconds);
    }
}
