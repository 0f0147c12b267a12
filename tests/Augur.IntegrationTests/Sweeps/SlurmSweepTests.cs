using Augur.Cli;

namespace Augur.IntegrationTests.Sweeps;

/// <summary>
/// <c>augur sweep --on slurm</c> against a real Slurm 22.05 (scripts/slurm): one job array, one task per run,
/// each task the real augur binary, and the results gathered as a local sweep gathers them.
/// </summary>
public sealed class SlurmSweepTests : IClassFixture<PrivateSlurm>, IDisposable
{
    private const string Sweep = """
        traces: [synthetic:lublin]
        policies: [backfill/easy, queue/fcfs]
        seeds: [1, 2]
        options:
          jobs: 300
          procs: 64
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("augur-slurm-sweep-").FullName;
    private readonly PrivateSlurm slurm;

    public SlurmSweepTests(PrivateSlurm slurm) => this.slurm = slurm;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void SweepOnSlurm_FourRuns_GivesTheLocalSweepsResultsAndComparison()
    {
        Assert.True(File.Exists(Path.Combine(slurm.Folder, "slurm.conf")));
        var onSlurm = Run("sweep", WriteSweep("slurm.yaml", Sweep + $"\nout: {Path.Combine(directory, "slurm")}\n"), "--on", "slurm");
        var local = Run("sweep", WriteSweep("local.yaml", Sweep + $"\nout: {Path.Combine(directory, "local")}\n"));

        Assert.True(onSlurm.ExitCode == 0, onSlurm.Error);
        Assert.Equal(0, local.ExitCode);
        Assert.Contains("4 runs: 4 run now, 0 already finished, 0 failed", onSlurm.Output, StringComparison.Ordinal);
        Assert.Matches(@"submitted Slurm job array \d+: 4 tasks, one per run", onSlurm.Error);
        Assert.True(File.Exists(Path.Combine(directory, "slurm", "comparison.html")));

        // The same runs, in folders of the same names (the same keys), with byte-identical per-job results.
        var runs = RunFolders("local");
        Assert.Equal(4, runs.Length);
        Assert.Equal(runs, RunFolders("slurm"));
        foreach (var run in runs)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(directory, "local", run, "jobs.csv")), File.ReadAllBytes(Path.Combine(directory, "slurm", run, "jobs.csv")));
            Assert.True(File.Exists(Path.Combine(directory, "slurm", run, "sweep-run.json")));
        }

        // The same comparison table: the lines after the first (which names the folder).
        Assert.Equal(TableOf(local.Output, Path.Combine(directory, "local")), TableOf(onSlurm.Output, Path.Combine(directory, "slurm")));
    }

    [Fact]
    public void SweepOnSlurm_GpuSweep_GivesTheLocalSweepsGpuRuns()
    {
        // Three jobs of 4 GPUs over 20 s (640 GPU-seconds): load 4 sizes 8 GPUs, load 8 sizes 4.
        File.WriteAllText(Path.Combine(directory, "philly-small.csv"), "timestamp,duration,num_gpus,gpu_time,cluster\n2017-10-09 00:00:00,100.0,4,400.0,a\n2017-10-09 00:00:10,50.0,4,200.0,b\n2017-10-09 00:00:20,10.0,4,40.0,a\n");
        const string gpuSweep = "traces: [philly-small.csv]\npolicies: [gpu/fifo, gpu/tiresias]\nloads: [4, 8]\noptions:\n  gpus_per_node: 4\n";
        var onSlurm = Run("sweep", WriteSweep("gpu-slurm.yaml", gpuSweep + $"out: {Path.Combine(directory, "slurm")}\n"), "--on", "slurm");
        var local = Run("sweep", WriteSweep("gpu-local.yaml", gpuSweep + $"out: {Path.Combine(directory, "local")}\n"));

        Assert.True(onSlurm.ExitCode == 0, onSlurm.Error);
        Assert.Equal(0, local.ExitCode);
        Assert.Contains("4 runs: 4 run now, 0 already finished, 0 failed", onSlurm.Output, StringComparison.Ordinal);
        Assert.Contains("jct_mean", onSlurm.Output, StringComparison.Ordinal);
        var runs = RunFolders("local");
        Assert.Equal(4, runs.Length);
        Assert.Equal(runs, RunFolders("slurm"));
        foreach (var run in runs)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(directory, "local", run, "summary.json")), File.ReadAllBytes(Path.Combine(directory, "slurm", run, "summary.json")));
        }

        Assert.Equal(TableOf(local.Output, Path.Combine(directory, "local")), TableOf(onSlurm.Output, Path.Combine(directory, "slurm")));
    }

    [Fact]
    public void SweepOnSlurm_RunThatFails_IsReportedByNameWithItsStderrFile()
    {
        File.WriteAllText(Path.Combine(directory, "empty.swf"), "; MaxProcs: 4\n1 0 -1 100 0 -1 -1 0 200 -1 1 1 1 -1 1 -1 -1 -1\n");
        var sweep = WriteSweep("failing.yaml", $"traces: [synthetic:lublin, empty.swf]\npolicies: [backfill/easy]\noptions:\n  jobs: 200\n  procs: 64\nout: {Path.Combine(directory, "out")}\n");

        var first = Run("sweep", sweep, "--on", "slurm");

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("2 runs: 1 run now, 0 already finished, 1 failed", first.Output, StringComparison.Ordinal);
        var failure = Assert.Single(first.Error.Split('\n'), line => line.StartsWith("failed: ", StringComparison.Ordinal));
        Assert.Matches(@"^failed: empty\.swf backfill/easy seed 1: Slurm task \d+_1: error: .*empty\.swf: the filter filter/default left no job to run \(1 dropped\) \(stderr: .*/out/slurm/task-\d+_1\.err\)$", failure);

        // Again: the finished run is resumed, only the failed one is submitted (as task 0 of a new array).
        var second = Run("sweep", sweep, "--on", "slurm");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("2 runs: 0 run now, 1 already finished, 1 failed", second.Output, StringComparison.Ordinal);
        Assert.Matches(@"submitted Slurm job array \d+: 1 task, one per run", second.Error);
        Assert.Matches(@"Slurm task \d+_0: error: ", second.Error);
    }

    [Fact]
    public void SweepOnSlurm_EverythingFinished_SubmitsNothing()
    {
        var sweep = WriteSweep("done.yaml", "traces: [synthetic:lublin]\npolicies: [backfill/easy]\noptions:\n  jobs: 100\n  procs: 64\n" + $"out: {Path.Combine(directory, "done")}\n");
        Assert.Equal(0, Run("sweep", sweep).ExitCode);

        var again = Run("sweep", sweep, "--on", "slurm");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("1 runs: 0 run now, 1 already finished, 0 failed", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("submitted", again.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(directory, "done", "slurm")));
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = AugurCommandLine.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The comparison table, after the first line (which names the folder), with the folder written OUT.</summary>
    private static string[] TableOf(string output, string folder) =>
        output.Split('\n').Skip(1).Select(line => line.Replace(folder, "OUT", StringComparison.Ordinal).TrimEnd()).ToArray();

    private string WriteSweep(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string[] RunFolders(string output) =>
        Directory.GetDirectories(Path.Combine(directory, output)).Select(Path.GetFileName).Where(name => name is not "slurm").Order(StringComparer.Ordinal).ToArray()!;
}
