using System.Diagnostics;

namespace Augur.Service.Executors.Slurm;

/// <summary>
/// Runs Slurm's clients (sbatch, squeue, scontrol, scancel, sinfo) with <c>SLURM_CONF</c> in their environment
/// and a timeout after which the client is killed: a dead slurmctld makes clients hang.
/// </summary>
public sealed class SlurmClient(string? configurationPath, TimeSpan timeout)
{
    public string? ConfigurationPath { get; } = configurationPath;

    public TimeSpan Timeout { get; } = timeout;

    /// <summary>Runs <paramref name="program"/>; <paramref name="environment"/> adds or overrides variables (null removes one).</summary>
    public SlurmCommandResult Run(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(name);
                }
                else
                {
                    start.Environment[name] = value;
                }
            }
        }

        if (ConfigurationPath is not null)
        {
            start.Environment["SLURM_CONF"] = ConfigurationPath;
        }

        var command = $"{program} {string.Join(' ', arguments.Take(3))}{(arguments.Count > 3 ? " ..." : string.Empty)}";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return new SlurmCommandResult(command, 127, false, string.Empty, $"cannot run {program}: {exception.Message}");
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the timeout and the kill.
            }

            process.WaitForExit();
            return new SlurmCommandResult(command, -1, true, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }

        process.WaitForExit();
        return new SlurmCommandResult(command, process.ExitCode, false, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
