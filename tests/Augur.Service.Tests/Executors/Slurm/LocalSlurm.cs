using System.Diagnostics;

namespace Augur.Service.Tests.Executors.Slurm;

/// <summary>
/// A private single-node Slurm for the tests, started by the repository's scripts/slurm/start.sh (munged,
/// slurmctld and slurmd on loopback, jobcomp/filetxt) and stopped by scripts/slurm/stop.sh, which ends its
/// daemons by the PIDs in their pid files. A failure to start fails the tests: they are never skipped.
/// </summary>
public sealed class LocalSlurm : IDisposable
{
    public const int Cpus = 4;

    public LocalSlurm()
    {
        Scripts = Path.Combine(RepositoryRoot(), "scripts", "slurm");
        var start = Run(Path.Combine(Scripts, "start.sh"), "--cpus", Cpus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/slurm/start.sh failed ({start.ExitCode}): {start.Error}");
        }

        Folder = start.Output.Trim();
        var environment = File.ReadAllLines(Path.Combine(Folder, "env"))
            .Select(line => line.Replace("export ", string.Empty, StringComparison.Ordinal).Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        Configuration = environment["SLURM_CONF"];
        Node = environment["AUGUR_SLURM_NODE"];
        Partition = environment["AUGUR_SLURM_PARTITION"];
        JobCompletionLog = environment["AUGUR_SLURM_JOBCOMP"];
    }

    public string Scripts { get; }

    public string Folder { get; }

    public string Configuration { get; }

    public string Node { get; }

    public string Partition { get; }

    public string JobCompletionLog { get; }

    /// <summary>Runs a Slurm client against this Slurm (with a timeout: a stopped slurmctld makes clients hang).</summary>
    public (int ExitCode, string Output, string Error) Client(string program, params string[] arguments) =>
        Run("timeout", ["3", program, .. arguments]);

    /// <summary>Sets the node's state with scontrol (DOWN, DRAIN), as an administrator would.</summary>
    public void SetNodeState(string state)
    {
        var result = Client("scontrol", "update", $"NodeName={Node}", $"State={state}", "Reason=augur-test");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"scontrol update State={state} failed: {result.Error}");
        }
    }

    /// <summary>Returns the node to service and waits until it is idle (a downed node with a live slurmd may return by itself).</summary>
    public void ResumeNode()
    {
        var result = Client("scontrol", "update", $"NodeName={Node}", "State=RESUME");
        if (result.ExitCode != 0 && !result.Error.Contains("Invalid node state specified", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"scontrol update State=RESUME failed: {result.Error}");
        }

        WaitUntil(() => Client("sinfo", "-h", "-n", Node, "-o", "%t").Output.Trim() == "idle", $"node {Node} idle again");
    }

    /// <summary>Sends slurmctld a signal by its pid: STOP freezes it (clients connect, and hang), CONT thaws it.</summary>
    public void SignalController(string signal) => Run("kill", [$"-{signal}", ControllerPid().ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>Stops slurmctld only (scripts/slurm/stop.sh --controller: SIGTERM by its pid, waits until /proc says it is gone).</summary>
    public void StopController() => Script("stop.sh", "--controller", Folder);

    /// <summary>Starts slurmctld again with its saved state (scripts/slurm/start.sh FOLDER waits until the node is idle).</summary>
    public void StartController() => Script("start.sh", Folder);

    private int ControllerPid() =>
        int.Parse(File.ReadAllText(Path.Combine(Folder, "slurmctld.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => Script("stop.sh", "--remove", Folder);

    private void Script(string name, params string[] arguments)
    {
        var result = Run(Path.Combine(Scripts, name), arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/slurm/{name} {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}");
        }
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"not {what} after 60 s");
            }

            Thread.Sleep(100);
        }
    }

    private (int ExitCode, string Output, string Error) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Configuration is not null)
        {
            start.Environment["SLURM_CONF"] = Configuration;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The checkout this test was built from: above the test binaries, or else (with --artifacts-path elsewhere) above this source file.</summary>
    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "/" })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Augur.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"no Augur.slnx above {AppContext.BaseDirectory} or {sourceFile}: cannot find scripts/slurm");
    }
}
