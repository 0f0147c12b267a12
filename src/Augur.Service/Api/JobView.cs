using Augur.Service.Driver;
using Augur.Service.Store;

namespace Augur.Service.Api;

/// <summary>A job as the API shows it; times are RFC 3339 in UTC, durations in seconds.</summary>
public sealed record JobView(
    long Id,
    string Name,
    string User,
    string Command,
    IReadOnlyList<string> Arguments,
    bool Shell,
    ResourcesView Resources,
    long? WallTimeSeconds,
    IReadOnlyList<string> Tags,
    bool Requeue,
    string State,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    double? RunSeconds,
    int? ExitCode,
    long? PeakRssKb,
    double? PredictedRunSeconds,
    string? Reason,
    int Attempts,
    long? SlurmJobId)
{
    public static JobView From(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var specification = job.Specification;
        return new JobView(
            job.Id,
            specification.Name,
            specification.User,
            specification.Command,
            specification.Arguments,
            specification.Shell,
            new ResourcesView(specification.Processors, specification.MemoryMegabytes, specification.Gpus),
            specification.WallTimeSeconds,
            specification.Tags,
            specification.Requeue,
            JobStates.Name(job.State),
            WallClock.ToDateTime(job.SubmitMicroseconds),
            job.StartMicroseconds is { } start ? WallClock.ToDateTime(start) : null,
            job.EndMicroseconds is { } end ? WallClock.ToDateTime(end) : null,
            job is { StartMicroseconds: { } started, EndMicroseconds: { } ended } ? (ended - started) / 1e6 : null,
            job.ExitCode,
            job.PeakRssKilobytes,
            job.PredictedSeconds,
            job.Reason,
            job.Attempts,
            job.SlurmJobId);
    }
}
