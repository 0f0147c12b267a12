namespace Augur.Cli.Tests.Commands;

public sealed class CompareCommandTests : IDisposable
{
    private const string Trace = """
        ; MaxProcs: 4
        1 0 -1 100 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1
        2 10 -1 100 4 -1 -1 4 200 -1 1 2 1 -1 1 -1 -1 -1
        3 20 -1 50 2 -1 -1 2 60 -1 1 3 1 -1 1 -1 -1 -1
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Compare_FcfsAgainstEasyBaseline_PrintsRatiosOfTheRealRuns()
    {
        var trace = directory.File("small.swf");
        File.WriteAllText(trace, Trace);
        var fcfs = directory.File("fcfs");
        var easy = directory.File("easy");
        Assert.Equal(0, CliRun.Of("simulate", trace, "--policy", "queue/fcfs", "--out", fcfs, "--quiet").ExitCode);
        Assert.Equal(0, CliRun.Of("simulate", trace, "--policy", "backfill/easy", "--out", easy, "--quiet").ExitCode);

        var run = CliRun.Of("compare", fcfs, "--baseline", easy, "--format", "csv");

        // Job 1 (2 of 4 processors) really ends at 100. EASY backfills job 3 at 20 and starts job 2 at 100
        // (waits 0, 90, 0: mean 30); FCFS holds job 3 behind job 2, which runs 100-200 (waits 0, 90, 180: mean
        // 90): 90 / 30 = 3.
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("easy (baseline),backfill/easy,-,3,1.000,30,1.000,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("fcfs,queue/fcfs,-,3,1.000,90,3.000,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NotARunFolder_StopsWithExitCode3()
    {
        var run = CliRun.Of("compare", directory.File("nothing-here"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no such run folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_UnknownFormat_IsAUsageError()
    {
        var run = CliRun.Of("compare", directory.File("x"), "--format", "pdf");

        Assert.Equal(2, run.ExitCode);
    }
}
