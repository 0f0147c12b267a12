using System.Diagnostics;
using System.Globalization;

namespace Augur.Cli.Sweeps;

/// <summary>
/// Runs Slurm's client commands (sbatch, squeue) under <c>timeout</c>: a client whose slurmctld is dead hangs
/// instead of failing, so every call has a limit. The calls inherit this process's environment, SLURM_CONF
/// included, which is how a private or non-default Slurm is found.
/// </summary>
public static class SlurmClient
{
    /// <summary>The exit code of <c>timeout</c> when the limit was reached.</summary>
    public const int TimedOut = 124;

    /// <summary>The exit code of <c>timeout</c> when the command does not exist.</summary>
    public const int NotFound = 127;

    public static SlurmCall Run(string program, IReadOnlyList<string> arguments, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("timeout")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // -k: a client that ignores SIGTERM is killed 2 s later.
        start.ArgumentList.Add("-k");
        start.ArgumentList.Add("2");
        start.ArgumentList.Add(((int)Math.Ceiling(limit.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new CommandLineFailureException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new SlurmCall(program, process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
