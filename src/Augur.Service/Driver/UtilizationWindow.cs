namespace Augur.Service.Driver;

/// <summary>
/// Consecutive buckets of <see cref="UtilizationHistory"/>: bucket i starts at <see cref="StartMicroseconds"/> +
/// i × <see cref="ResolutionMicroseconds"/>; the last one is the current, partial bucket.
/// </summary>
public sealed record UtilizationWindow(
    long StartMicroseconds,
    long ResolutionMicroseconds,
    IReadOnlyList<double> BusyProcessors,
    IReadOnlyList<int> RunningJobs,
    IReadOnlyList<int> WaitingJobs);
