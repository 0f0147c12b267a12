namespace Augur.Service.Store;

/// <summary>How a job ended, as the executor measured it.</summary>
public sealed record JobEnding(JobState State, long EndMicroseconds, int? ExitCode, long? PeakRssKilobytes, string? Reason);
