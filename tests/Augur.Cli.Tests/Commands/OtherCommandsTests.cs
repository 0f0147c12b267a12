using Augur.Traces.Swf;

namespace Augur.Cli.Tests.Commands;

public sealed class OtherCommandsTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Policies_Always_ListsEveryPolicyAndOrderWithOneLineEach()
    {
        var run = CliRun.Of("policies");

        Assert.Equal(0, run.ExitCode);
        foreach (var id in new[] { "queue/fcfs", "backfill/easy", "backfill/conservative", "order/fcfs", "order/sjf", "order/f1", "order/f2", "order/f3", "order/f4", "order/wfp3", "order/unicep", "gpu/fifo", "gpu/sjf", "gpu/srtf", "gpu/tiresias", "gpu/qssf", "predictor/helios", "predictor/group-mean", "place/consolidate", "place/best-fit", "place/spread" })
        {
            Assert.Single(run.Output.Split('\n'), line => line.TrimStart().StartsWith(id + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_TraceWithAnomalies_CountsEachKind()
    {
        var trace = directory.File("odd.swf");
        File.WriteAllText(trace, string.Join('\n',
            "; MaxProcs: 8",
            "1 10 -1 100 2 -1 -1 2 50 -1 1 1 1 -1 1 -1 -1 -1",
            "2 5 -1 100 0 -1 -1 0 200 -1 1 1 1 -1 1 -1 -1 -1",
            "2 20 -1 100 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1",
            "4 30 -1 100 16 -1 -1 16 -1 -1 1 1 1 -1 1 -1 -1 -1",
            string.Empty));

        var run = CliRun.Of("validate", trace);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("4 job records", run.Output, StringComparison.Ordinal);
        Assert.Contains($"run time > requested time: 1 (first at {trace}:2)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"zero or unknown processors: 1 (first at {trace}:3)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"submitted out of order: 1 (first at {trace}:3)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"duplicate job id: 1 (first at {trace}:4)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"wider than MaxProcs: 1 (first at {trace}:5)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"unknown requested time: 1 (first at {trace}:5)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedTrace_ExitsWithBadInput()
    {
        var trace = directory.File("bad.swf");
        File.WriteAllText(trace, "; MaxProcs: 8\n1 10 -1 100\n");

        var run = CliRun.Of("validate", trace);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{trace}:2: wrong field count: expected 18, found 4", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ToFile_WritesAnSwfTraceThatReadsBackWithTheRequestedSize()
    {
        var output = directory.File("lublin.swf");

        var run = CliRun.Of("generate", "--jobs", "300", "--procs", "128", "--seed", "3", "--out", output);

        Assert.Equal(0, run.ExitCode);
        var trace = SwfReader.Read(output);
        Assert.Equal(300, trace.Records.Count);
        Assert.Equal(128, trace.Header.MaxProcessors);
        Assert.All(trace.Records, record => Assert.InRange(record.RequestedProcessors, 1, 128));
    }

    [Fact]
    public void Generate_ToStandardOutput_IsTheSameAsToFile()
    {
        var output = directory.File("lublin.swf");

        var toFile = CliRun.Of("generate", "--jobs", "50", "--seed", "9", "--out", output);
        var toStandardOutput = CliRun.Of("generate", "--jobs", "50", "--seed", "9");

        Assert.Equal(0, toFile.ExitCode);
        Assert.Equal(File.ReadAllText(output), toStandardOutput.Output);
    }

    [Fact]
    public void Generate_NoJobs_ExitsWithUsage()
    {
        Assert.Equal(2, CliRun.Of("generate", "--jobs", "0").ExitCode);
    }

    [Fact]
    public void Demo_SmallWorkload_ComparesTheThreePoliciesAndWritesAFolderEach()
    {
        var root = directory.File("demo");

        var run = CliRun.Of("demo", "--jobs", "800", "--out", root);

        Assert.Equal(0, run.ExitCode);
        foreach (var policy in new[] { "queue-fcfs", "backfill-easy", "backfill-conservative" })
        {
            Assert.True(File.Exists(Path.Combine(root, policy, "summary.json")), $"no {policy}/summary.json");
            Assert.Contains(policy.Replace('-', '/'), run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnknownCommand_ExitsWithUsage()
    {
        var run = CliRun.Of("simulat");

        Assert.Equal(2, run.ExitCode);
    }
}
