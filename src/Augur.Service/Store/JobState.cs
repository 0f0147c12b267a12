namespace Augur.Service.Store;

/// <summary>
/// Where a job is in its life. Queued and running jobs are unfinished; every other state is final, and a job
/// reaches a final state exactly once (docs/service.md).
/// </summary>
public enum JobState
{
    Queued,
    Running,

    /// <summary>Exited with code 0.</summary>
    Completed,

    /// <summary>Exited with another code, was killed by a signal, or could not be started.</summary>
    Failed,

    /// <summary>Cancelled by its user or an admin.</summary>
    Cancelled,

    /// <summary>Killed because it reached its wall-time limit.</summary>
    Timeout,

    /// <summary>The service stopped while it ran and the process was gone at restart; not requeued.</summary>
    Lost,
}
