namespace Augur.Cli.Tests.Commands;

public sealed class CompareGpuCommandTests : IDisposable
{
    // Three jobs that each take the whole 4-GPU node: A at 0 s (100 s), B at 10 s (50 s), C at 20 s (10 s).
    private const string SmallPhilly = """
        timestamp,duration,num_gpus,gpu_time,cluster
        2017-10-09 00:00:00,100.0,4,400.0,a
        2017-10-09 00:00:10,50.0,4,200.0,b
        2017-10-09 00:00:20,10.0,4,40.0,a
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Compare_FifoAndClairvoyantSjf_PrintsRatiosOfTheRealGpuRuns()
    {
        var (fifo, sjf) = TwoRuns();

        var run = CliRun.Of("compare", fifo, sjf, "--format", "csv");

        // FIFO runs A 0-100, B 100-150, C 150-160: JCT 100, 140, 140 (mean 380 / 3), delays 0, 90, 130 (mean 220 / 3).
        // SJF, knowing the run times, starts C before B at 100: C 100-110, B 110-160: JCT 100, 150, 90 (mean
        // 340 / 3, ratio 340 / 380 = 0.895), median 100 (100 / 140 = 0.714), delays 0, 100, 80 (mean 60, ratio
        // 180 / 220 = 0.818). Both hold all 4 GPUs from 0 to 160 (allocation 1) at 250 W: 160,000 J = 0.044 kWh.
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("run,policy,placement,predictor,jobs,jobs_ratio,jct_mean,jct_mean_ratio,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("fifo (baseline),gpu/fifo,place/consolidate,-,3,1.000,126.667,1.000,140,1.000,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("sjf (ORACLE),gpu/sjf,place/consolidate,predictor/clairvoyant,3,1.000,113.333,0.895,100,0.714,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",60,0.818,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",160,1.000,1,1.000,0,-,0.044,1.000,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_GpuRunsOnTheConsole_ShowsPlacementAndTheHeadlineMetrics()
    {
        var (fifo, sjf) = TwoRuns();

        var run = CliRun.Of("compare", fifo, sjf);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("jct_mean", run.Output, StringComparison.Ordinal);
        Assert.Contains("gpu/sjf place/consolidate predictor/clairvoyant", run.Output, StringComparison.Ordinal);
        Assert.Contains("x0.895", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_GpuRunsAsHtml_WritesThePageWithTheirCdfs()
    {
        var (fifo, sjf) = TwoRuns();
        var page = directory.File("comparison.html");

        var run = CliRun.Of("compare", fifo, sjf, "--format", "html", "--out", page);

        Assert.Equal(0, run.ExitCode);
        var html = File.ReadAllText(page);
        Assert.Contains("CDF of job completion time, every run", html, StringComparison.Ordinal);
        Assert.Contains("CDF of queueing delay, every run", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_BatchAndGpuRuns_StopsWithExitCode3NamingTheFolders()
    {
        var (fifo, _) = TwoRuns();
        var swf = directory.File("small.swf");
        File.WriteAllText(swf, "; MaxProcs: 4\n1 0 -1 100 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1\n");
        var batch = directory.File("batch");
        Assert.Equal(0, CliRun.Of("simulate", swf, "--policy", "queue/fcfs", "--out", batch, "--quiet").ExitCode);

        var run = CliRun.Of("compare", batch, fifo);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"batch runs ({batch}) and GPU runs ({fifo}) cannot be compared", run.Error, StringComparison.Ordinal);
    }

    private (string Fifo, string Sjf) TwoRuns()
    {
        var trace = directory.File("philly-small.csv");
        File.WriteAllText(trace, SmallPhilly);
        var fifo = directory.File("fifo");
        var sjf = directory.File("sjf");
        Assert.Equal(0, CliRun.Of("simulate", trace, "--policy", "gpu/fifo", "--gpus", "4", "--out", fifo, "--quiet").ExitCode);
        Assert.Equal(0, CliRun.Of("simulate", trace, "--policy", "gpu/sjf", "--predictor", "predictor/clairvoyant", "--gpus", "4", "--out", sjf, "--quiet").ExitCode);
        return (fifo, sjf);
    }
}
