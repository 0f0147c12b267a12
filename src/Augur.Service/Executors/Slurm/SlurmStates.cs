using System.Globalization;
using Augur.Service.Store;

namespace Augur.Service.Executors.Slurm;

/// <summary>Slurm's job states and the Augur state each final one becomes (docs/service.md, "executor/slurm").</summary>
public static class SlurmStates
{
    private static readonly HashSet<string> Final = new(StringComparer.Ordinal)
    {
        "BOOT_FAIL", "CANCELLED", "COMPLETED", "DEADLINE", "FAILED", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "TIMEOUT",
    };

    /// <summary>The state's name alone: sacct-style suffixes ("CANCELLED by 0", "CANCELLED+") are dropped.</summary>
    public static string Base(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var end = state.IndexOfAny([' ', '+']);
        return end < 0 ? state : state[..end];
    }

    public static bool IsFinal(string state) => Final.Contains(Base(state));

    /// <summary>
    /// The end of a job Slurm reports final. A stop Augur asked for (a cancel, or its own wall-time limit)
    /// decides the state, as with executor/local; otherwise Slurm's state does: COMPLETED is completed, TIMEOUT
    /// (Slurm's backstop limit) is timeout, CANCELLED from outside Augur is cancelled, and every other state
    /// (FAILED, NODE_FAIL, OUT_OF_MEMORY, PREEMPTED, BOOT_FAIL, DEADLINE) is failed with the state in the reason.
    /// </summary>
    public static JobEnding Ending(SlurmJobInfo info, JobState? stopping, string? stopReason, long nowMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(info);
        var state = Base(info.State);
        var exit = info.Signal is > 0 ? null : info.ExitCode;
        var signal = info.Signal is > 0 ? $"killed by signal {info.Signal.Value.ToString(CultureInfo.InvariantCulture)}" : null;
        var where = info.NodeList is null ? string.Empty : $" on {info.NodeList}";
        var (final, reason) = state switch
        {
            "COMPLETED" => (JobState.Completed, signal),
            "TIMEOUT" => (JobState.Timeout, "reached Slurm's time limit (TIMEOUT)"),
            "CANCELLED" => (JobState.Cancelled, "cancelled in Slurm, not through Augur (CANCELLED)"),
            "FAILED" => (JobState.Failed, signal),
            "NODE_FAIL" => (JobState.Failed, $"its node failed{where} (Slurm NODE_FAIL); Slurm does not requeue Augur's jobs"),
            "OUT_OF_MEMORY" => (JobState.Failed, "ran out of memory (Slurm OUT_OF_MEMORY)"),
            _ => (JobState.Failed, $"Slurm ended it as {state}{(info.Reason is null ? string.Empty : $" ({info.Reason})")}"),
        };
        if (stopping is { } stopped)
        {
            final = stopped;
            reason = stopReason;
        }

        // A job Slurm ended before it started (cancelled while pending) has no exit code worth keeping.
        var started = info.StartMicroseconds;
        var ended = info.EndMicroseconds ?? nowMicroseconds;
        if (started is { } begin && begin > ended)
        {
            started = ended;
        }

        // Only a job that ran to its own end has an exit code that is its program's (a cancelled batch script
        // reports 143, the shell's answer to SIGTERM).
        return new JobEnding(final, ended, state is "COMPLETED" or "FAILED" ? exit : null, null, reason, started);
    }
}
