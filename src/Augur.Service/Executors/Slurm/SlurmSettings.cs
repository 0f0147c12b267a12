namespace Augur.Service.Executors.Slurm;

/// <summary>How executor/slurm reaches Slurm and where jobs keep their files (docs/service.md, "executor/slurm").</summary>
public sealed record SlurmSettings
{
    /// <summary>Runs every client with SLURM_CONF and a timeout.</summary>
    public required SlurmClient Client { get; init; }

    /// <summary>The partition and its usable nodes, read at start.</summary>
    public required SlurmCluster Cluster { get; init; }

    /// <summary>The jobcomp/filetxt log (JobCompLoc), read for jobs slurmctld has forgotten; null if there is none.</summary>
    public string? JobCompletionLog { get; init; }

    /// <summary>How often squeue is asked about the jobs that run.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts while slurmctld does not answer (the wait doubles from the poll interval).</summary>
    public TimeSpan LongestBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a job may stay pending for a reason that says its nodes cannot run it (ReqNodeNotAvail, NodeDown,
    /// ...) before Augur cancels it: a node is briefly unavailable after slurmctld restarts, until slurmd registers again.
    /// </summary>
    public TimeSpan UnstartableGrace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The time zone Slurm prints its times in (the controller's; this machine's by default).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;
}
