namespace Augur.Core.Jobs;

/// <summary>How a job ended (SWF field 11: 1 completed, 0 failed, 5 cancelled).</summary>
public enum JobExitKind
{
    Unknown = -1,
    Failed = 0,
    Completed = 1,
    Cancelled = 5,

    /// <summary>Killed by the scheduler when it reached its requested time.</summary>
    KilledAtLimit = 100,
}
