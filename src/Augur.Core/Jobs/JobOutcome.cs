using Augur.Core.Time;

namespace Augur.Core.Jobs;

/// <summary>
/// The truth about a job, recorded by the trace or measured by an executor. Only drivers hold outcomes;
/// policies and predictors learn of them only when the job has ended.
/// </summary>
public readonly record struct JobOutcome(
    Duration RunTime,
    long UsedMemoryKilobytes = JobRequest.Unknown,
    JobExitKind ExitKind = JobExitKind.Completed);
