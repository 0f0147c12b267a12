namespace Augur.Service.Store;

/// <summary>
/// How a job ended, as the executor measured it. <paramref name="StartMicroseconds"/> corrects the recorded start
/// when the executor knows when the job really began (Slurm's StartTime); null keeps the scheduler's.
/// </summary>
public sealed record JobEnding(JobState State, long EndMicroseconds, int? ExitCode, long? PeakRssKilobytes, string? Reason, long? StartMicroseconds = null);
