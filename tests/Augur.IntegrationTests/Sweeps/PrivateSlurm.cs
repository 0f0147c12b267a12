using Augur.Cli.Sweeps;
using Augur.Testing;

namespace Augur.IntegrationTests.Sweeps;

/// <summary>
/// A private single-node Slurm for one test class, started with the repository's scripts/slurm/start.sh and
/// stopped (folder removed) with stop.sh. If it cannot start, the tests fail with the script's message: nothing
/// is skipped. Its SLURM_CONF is set in this process's environment, which the augur commands the tests run,
/// and the Slurm clients they start, inherit.
/// </summary>
public sealed class PrivateSlurm : IDisposable
{
    private static readonly string Scripts = Path.Combine(RepositoryPaths.Root, "scripts", "slurm");

    public PrivateSlurm()
    {
        var started = RunScript("start.sh", "--cpus", "4", "--memory", "4000");
        if (started.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/slurm/start.sh failed with exit code {started.ExitCode}: {started.Error}");
        }

        Folder = started.Output.Trim();
        Environment.SetEnvironmentVariable("SLURM_CONF", Path.Combine(Folder, "slurm.conf"));
    }

    /// <summary>The folder start.sh made: slurm.conf, the daemons' logs, state and spool.</summary>
    public string Folder { get; }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("SLURM_CONF", null);
        RunScript("stop.sh", "--remove", Folder);
    }

    /// <summary>Runs a harness script under <c>timeout</c> (a daemon that hangs must fail the test, not stall it).</summary>
    private static SlurmCall RunScript(string script, params string[] arguments) =>
        SlurmClient.Run(Path.Combine(Scripts, script), arguments, TimeSpan.FromSeconds(120));
}
