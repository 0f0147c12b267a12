namespace Augur.Cli.Sweeps;

/// <summary>How <c>augur sweep --on slurm</c> submits and waits.</summary>
public sealed record SlurmSweepOptions
{
    /// <summary>The partition to submit to; null: the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary>Between two looks at the queue.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The limit of each client call (sbatch, squeue).</summary>
    public TimeSpan CallLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many polls in a row may go unanswered before the command gives up waiting.</summary>
    public int MaxUnansweredPolls { get; init; } = 30;
}
