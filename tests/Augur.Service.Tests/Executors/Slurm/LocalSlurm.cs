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

    /// <summary>Stops slurmctld by its pid (SIGTERM) and waits until /proc says it is gone.</summary>
    public void StopController()
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(Folder, "slurmctld.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Run("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        var waited = Stopwatch.StartNew();
        while (IsAlive(pid))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"slurmctld (pid {pid}) did not stop within 30 s");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Starts slurmctld again, keeping its saved state (its jobs), and waits until it answers.</summary>
    public void StartController()
    {
        var started = Run("slurmctld", ["-f", Configuration]);
        if (started.ExitCode != 0)
        {
            throw new InvalidOperationException($"slurmctld did not start: {started.Error}");
        }

        var waited = Stopwatch.StartNew();
        while (Client("squeue", "-h").ExitCode != 0)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("slurmctld does not answer 60 s after its restart");
            }

            Thread.Sleep(100);
        }
    }

    public void Dispose()
    {
        var stop = Run(Path.Combine(Scripts, "stop.sh"), "--remove", Folder);
        if (stop.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/slurm/stop.sh failed ({stop.ExitCode}): {stop.Error}");
        }
    }

    /// <summary>Alive per /proc: process 1 here does not reap, so a dead daemon may linger as a zombie that kill -0 calls alive.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
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
