using Augur.Service.Store;

namespace Augur.Service.Executors.Slurm;

/// <summary>executor/slurm's bookkeeping for one job it started or adopted (under the executor's lock).</summary>
internal sealed class SlurmTrackedJob(JobRecord record, IReadOnlyList<NodeShare> shares)
{
    public JobRecord Record { get; } = record;

    /// <summary>The CPUs of each node it holds in Augur's model of the cluster.</summary>
    public IReadOnlyList<NodeShare> Shares { get; } = shares;

    /// <summary>Slurm's id once sbatch answered (or a look-up found it); null before.</summary>
    public long? SlurmJobId { get; set; }

    /// <summary>
    /// An sbatch may have reached slurmctld without its answer reaching Augur (a timeout), or the service
    /// stopped while submitting: the job is looked up by name before it may be submitted again.
    /// </summary>
    public bool NeedsLookup { get; set; }

    /// <summary>
    /// An sbatch for it was uncertain at least once: a held copy may appear in Slurm later (slurmctld can process
    /// a request whose client it no longer hears), and is cancelled when seen.
    /// </summary>
    public bool MayHaveCopies { get; set; }

    /// <summary>Adopted at a restart without a Slurm id: it may have run and been forgotten by slurmctld long ago.</summary>
    public bool Recovered { get; set; }

    /// <summary>Set once Augur decided to stop it: the final state and why.</summary>
    public JobState? Stopping { get; set; }

    public string? StopReason { get; set; }

    /// <summary>scancel succeeded for the current stop.</summary>
    public bool CancelSent { get; set; }

    /// <summary>Since when Slurm has said it cannot start the job (a pending reason such as ReqNodeNotAvail); null while it can.</summary>
    public long? UnstartableSinceMicroseconds { get; set; }

    /// <summary>Augur's wall-time limit, from Slurm's start time; long.MaxValue until it started (or for none).</summary>
    public long DeadlineMicroseconds { get; set; } = long.MaxValue;
}
