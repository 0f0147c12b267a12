using System.Text.Json;

namespace Augur.Cli.Tests.Sweeps;

public sealed class SweepCommandTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Sweep_RunTwice_RunsEveryCombinationOnceAndResumesTheSecondTime()
    {
        var output = directory.File("out");
        var path = directory.File("sweep.yaml");
        File.WriteAllText(path, $"""
            traces: ["synthetic:lublin"]
            policies: [queue/fcfs, backfill/easy]
            seeds: [1, 2]
            options: {"{"} jobs: 300, procs: 64 {"}"}
            out: {output}
            """);

        var first = CliRun.Of("sweep", path);
        var folders = Directory.GetDirectories(output);
        var stamps = folders.Select(folder => File.GetLastWriteTimeUtc(Path.Combine(folder, "summary.json"))).ToList();
        var second = CliRun.Of("sweep", path);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("4 runs: 4 run now, 0 already finished, 0 failed", first.Output, StringComparison.Ordinal);
        Assert.Equal(4, folders.Length);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("4 runs: 0 run now, 4 already finished, 0 failed", second.Output, StringComparison.Ordinal);
        Assert.Equal(stamps, folders.Select(folder => File.GetLastWriteTimeUtc(Path.Combine(folder, "summary.json"))));

        // Seeds 1 and 2 generate different workloads: their summaries differ.
        var means = folders.Where(folder => folder.Contains("backfill-easy", StringComparison.Ordinal))
            .Select(folder => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json"))).RootElement.GetProperty("metrics").GetProperty("wait_mean").GetDouble())
            .ToList();
        Assert.Equal(2, means.Count);
        Assert.NotEqual(means[0], means[1]);
    }

    [Fact]
    public void Sweep_OneRunFails_TheOthersFinishAndTheFailureIsListed()
    {
        // The SWF trace's only job needs 128 processors and options.procs is 64: the filter leaves nothing to
        // run, so that run fails, while the synthetic one (generated for 64 processors) succeeds.
        var trace = directory.File("wide.swf");
        File.WriteAllText(trace, "; MaxProcs: 128\n1 0 -1 10 128 -1 -1 128 20 -1 1 1 -1 -1 -1 -1 -1 -1\n");
        var path = directory.File("sweep.yaml");
        File.WriteAllText(path, $"""
            traces: ["synthetic:lublin", wide.swf]
            policies: [backfill/easy]
            options: {"{"} jobs: 200, procs: 64 {"}"}
            out: {directory.File("out")}
            """);

        var run = CliRun.Of("sweep", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2 runs: 1 run now, 0 already finished, 1 failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("failed: wide.swf backfill/easy seed 1:", run.Error, StringComparison.Ordinal);
        Assert.Contains("left no job to run", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_MalformedFile_StopsWithExitCode3BeforeAnyRun()
    {
        var path = directory.File("sweep.yaml");
        File.WriteAllText(path, "traces: [\"synthetic:lublin\"]\npolicies: [backfill/easy]\nseeds: [x]\nout: " + directory.File("out") + "\n");

        var run = CliRun.Of("sweep", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("sweep.yaml:3: field seeds", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.File("out")));
    }
}
