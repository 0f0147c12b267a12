namespace Augur.Service.Api;

/// <summary>
/// GET /v1/utilization: the machine's use in buckets of <see cref="ResolutionSeconds"/> from <see cref="Start"/>
/// (null before the scheduler recorded anything), as columns: bucket i starts at start + i × resolution and the
/// last one is the current, partial bucket.
/// </summary>
public sealed record UtilizationView(
    DateTimeOffset Now,
    DateTimeOffset? Start,
    double ResolutionSeconds,
    int TotalProcs,
    IReadOnlyList<double> BusyProcs,
    IReadOnlyList<int> RunningJobs,
    IReadOnlyList<int> WaitingJobs);
