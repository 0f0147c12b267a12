using Augur.Service.Store;

namespace Augur.Service.Executors.Local;

/// <summary>The executor's bookkeeping for one running job (touched by the monitor thread, and under its lock by others).</summary>
internal sealed class TrackedProcess
{
    public required long JobId { get; init; }

    public required int ProcessId { get; init; }

    public required long StartTicks { get; init; }

    /// <summary>False for a process adopted after a restart: it is not our child, so wait4 cannot reap it.</summary>
    public required bool IsChild { get; init; }

    public required long StartMicroseconds { get; init; }

    /// <summary>When the wall-time limit is reached; long.MaxValue for none.</summary>
    public required long DeadlineMicroseconds { get; init; }

    /// <summary>Set once the executor decided to stop the job: why, and which final state it gets.</summary>
    public JobState? Stopping { get; set; }

    public string? StopReason { get; set; }

    /// <summary>When SIGKILL follows the SIGTERM already sent.</summary>
    public long KillAtMicroseconds { get; set; } = long.MaxValue;

    public long PeakResidentKilobytes { get; set; }

    public long LastSampleMicroseconds { get; set; }
}
