namespace Augur.Cli.Sweeps;

/// <summary>How one Slurm client call ended: its exit code (124: timed out, 127: not installed) and what it printed.</summary>
public sealed record SlurmCall(string Program, int ExitCode, string Output, string Error)
{
    /// <summary>A one-line account of a failed call, for messages.</summary>
    public string Describe() => ExitCode switch
    {
        SlurmClient.TimedOut => $"{Program} did not answer in time (is slurmctld running? SLURM_CONF={Environment.GetEnvironmentVariable("SLURM_CONF") ?? "unset"})",
        SlurmClient.NotFound => $"{Program} is not installed (Slurm's client commands are needed for --on slurm)",
        _ => $"{Program} failed with exit code {ExitCode}: {Error.Trim()}",
    };
}
