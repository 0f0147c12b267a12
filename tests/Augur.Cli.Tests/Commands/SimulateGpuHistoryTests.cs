using System.Text.Json;

namespace Augur.Cli.Tests.Commands;

public sealed class SimulateGpuHistoryTests : IDisposable
{
    // History: a (1,000 s) and b (10 s). Then on one GPU: p (group c, 100 s) at 5,000 s, q (a, 1,000 s) at
    // 5,010 s, r (b, 10 s) at 5,020 s; q and r wait for p.
    private const string History = """
        timestamp,duration,num_gpus,gpu_time,cluster
        2017-10-09 00:00:00,1000.0,1,1000.0,a
        2017-10-09 00:00:00,10.0,1,10.0,b
        """;

    private const string Recent = """
        2017-10-09 01:23:20,100.0,1,100.0,c
        2017-10-09 01:23:30,1000.0,1,1000.0,a
        2017-10-09 01:23:40,10.0,1,10.0,b
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Simulate_QssfWithHistoryJobs_RanksByTheHistoryAndSimulatesOnlyTheRest()
    {
        var trace = directory.File("philly-history.csv");
        File.WriteAllText(trace, History + "\n" + Recent);
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--policy", "gpu/qssf", "--predictor", "predictor/group-mean", "--gpus", "1", "--history-jobs", "2", "--out", output, "--quiet");

        // p runs 5,000-5,100. The history predicts q 1,000 s and r 10 s, so r goes first: r 5,100-5,110, q 5,110-6,110.
        Assert.Equal(0, run.ExitCode);
        var jobs = File.ReadAllLines(Path.Combine(output, "jobs.csv"));
        Assert.Equal(4, jobs.Length);
        Assert.StartsWith("4,5000,5000,5100,", jobs[1], StringComparison.Ordinal);
        Assert.StartsWith("5,5010,5110,6110,", jobs[2], StringComparison.Ordinal);
        Assert.StartsWith("6,5020,5100,5110,", jobs[3], StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(3, summary.RootElement.GetProperty("jobs").GetInt32());
        Assert.Equal("2", summary.RootElement.GetProperty("options").GetProperty("history_jobs").GetString());
    }

    [Fact]
    public void Simulate_QssfWithoutTheHistory_RanksTheSameJobsByArrival()
    {
        // The same three jobs without the two before them (times now count from p's submission): nothing has
        // ended when q and r arrive, both are predicted 0, and the tie goes to the earlier arrival: q 100-1,100,
        // r 1,100-1,110.
        var trace = directory.File("philly-recent.csv");
        File.WriteAllText(trace, "timestamp,duration,num_gpus,gpu_time,cluster\n" + Recent);
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--policy", "gpu/qssf", "--predictor", "predictor/group-mean", "--gpus", "1", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        var jobs = File.ReadAllLines(Path.Combine(output, "jobs.csv"));
        Assert.StartsWith("3,10,100,1100,", jobs[2], StringComparison.Ordinal);
        Assert.StartsWith("4,20,1100,1110,", jobs[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_QssfWithAPastJobStillRunning_DoesNotKnowItsRunTimeBeforeItEnds()
    {
        // History: h1 (b, 10 s) at 0 s, ends 10 s; h2 (a, 10,000 s) at 0 s, ends 10,000 s, after the run begins.
        // Then on one GPU: p (c, 100 s) at 5,000 s, q (a, 1,000 s) at 5,010 s, r (b, 10 s) at 5,020 s. When q and r
        // are predicted only h1 has ended: both are predicted its 10 s (q's group has no end yet, so everyone's
        // mean), the tie goes to arrival: q 5,100-6,100, r 6,100-6,110. Knowing h2's 10,000 s too early would put
        // r first.
        var trace = directory.File("philly-running.csv");
        File.WriteAllText(trace, """
            timestamp,duration,num_gpus,gpu_time,cluster
            2017-10-09 00:00:00,10.0,1,10.0,b
            2017-10-09 00:00:00,10000.0,1,10000.0,a
            """ + "\n" + Recent);
        var output = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--policy", "gpu/qssf", "--predictor", "predictor/group-mean", "--gpus", "1", "--history-jobs", "2", "--out", output, "--quiet");

        Assert.Equal(0, run.ExitCode);
        var jobs = File.ReadAllLines(Path.Combine(output, "jobs.csv"));
        Assert.StartsWith("5,5010,5100,6100,", jobs[2], StringComparison.Ordinal);
        Assert.StartsWith("6,5020,6100,6110,", jobs[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_HistoryJobsOnABatchTrace_IsAUsageError()
    {
        var run = CliRun.Of("simulate", "synthetic:lublin", "--jobs", "50", "--policy", "queue/fcfs", "--history-jobs", "5", "--out", directory.File("run"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--history-jobs applies to GPU runs", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3", 3, "--history-jobs 3 leaves no job to simulate; the trace has 3 jobs that can run")]
    [InlineData("0", 2, "--history-jobs")]
    [InlineData("x", 2, "--history-jobs")]
    public void Simulate_HistoryJobsThatLeaveNothingOrAreNotAWholeNumber_IsRefused(string value, int exitCode, string message)
    {
        var trace = directory.File("philly-recent.csv");
        File.WriteAllText(trace, "timestamp,duration,num_gpus,gpu_time,cluster\n" + Recent);

        var run = CliRun.Of("simulate", trace, "--policy", "gpu/fifo", "--gpus", "1", "--history-jobs", value, "--out", directory.File("run"));

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_HistoryJobsWithTheFillExperiment_IsAUsageError()
    {
        var trace = directory.File("philly-recent.csv");
        File.WriteAllText(trace, "timestamp,duration,num_gpus,gpu_time,cluster\n" + Recent);

        var run = CliRun.Of("simulate", trace, "--gpus", "1", "--fill", "1", "--history-jobs", "1", "--out", directory.File("run"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--history-jobs teaches a predictor before a schedule; the fill experiment (--fill) has neither", run.Error, StringComparison.Ordinal);
    }
}
