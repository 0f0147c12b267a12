namespace Augur.Service.Executors.Slurm;

/// <summary>What a Slurm client did: its exit code, whether it was killed at its timeout, and what it printed.</summary>
public sealed record SlurmCommandResult(string Command, int ExitCode, bool TimedOut, string Output, string Error)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The client's own words (stderr, else stdout), or the timeout, for a job's reason and the log.</summary>
    public string Describe()
    {
        var text = (Error.Trim().Length > 0 ? Error : Output).Trim().ReplaceLineEndings("; ");
        var said = text.Length > 0 ? ": " + text : string.Empty;
        return TimedOut
            ? $"{Command} did not answer within its timeout (is slurmctld running?){said}"
            : $"{Command} exited with {ExitCode}{said}";
    }
}
