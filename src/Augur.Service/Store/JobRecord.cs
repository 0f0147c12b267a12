namespace Augur.Service.Store;

/// <summary>A job as the store holds it. Times are microseconds since the Unix epoch (the service's Instant origin).</summary>
public sealed record JobRecord(
    long Id,
    JobSpecification Specification,
    JobState State,
    long SubmitMicroseconds,
    long? StartMicroseconds = null,
    long? EndMicroseconds = null,
    int? ExitCode = null,
    long? PeakRssKilobytes = null,
    string? Reason = null,
    int? ProcessId = null,
    long? ProcessStartTicks = null,
    int Attempts = 0,
    double? PredictedSeconds = null,
    long? SlurmJobId = null);
