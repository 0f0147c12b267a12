namespace Augur.Cli.Tests.Commands;

/// <summary><c>augur simulate --report</c> and <c>augur report</c> on GPU runs (docs/reports.md, GPU runs).</summary>
public sealed class ReportGpuCommandTests : IDisposable
{
    // Three jobs: A at 0 s (4 GPUs, 100 s, vc a), B at 10 s (2 GPUs, 50 s, vc b), C at 20 s (1 GPU, 10 s, vc a).
    private const string SmallPhilly = """
        timestamp,duration,num_gpus,gpu_time,cluster
        2017-10-09 00:00:00,100.0,4,400.0,a
        2017-10-09 00:00:10,50.0,2,100.0,b
        2017-10-09 00:00:20,10.0,1,10.0,a
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Simulate_GpuRunWithReport_WritesReportHtmlWithTheGpuCharts()
    {
        var folder = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--out", folder, "--report");

        var path = Path.Combine(folder, "report.html");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"wrote {path}", run.Output, StringComparison.Ordinal);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        foreach (var id in new[] { "gpu-allocation", "gpu-waiting", "jct-cdf", "queueing-delay-cdf", "jct-by-gpus", "gpu-time-by-user" })
        {
            Assert.Contains($"\"id\":\"{id}\"", html, StringComparison.Ordinal);
        }

        // The header: policy, placement and the cluster from summary.json.
        Assert.Contains("[\"placement\",\"place/consolidate\"]", html, StringComparison.Ordinal);
        Assert.Contains("[\"cluster\",\"4 GPUs on 1 nodes (4 GPUs (8 per node))\"]", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_GpuRunWithReportQuiet_PrintsNothing()
    {
        var folder = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--out", folder, "--report", "--quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void Simulate_GpuRunWithWindow_IsAUsageErrorBeforeSimulating()
    {
        var folder = directory.File("run");

        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--out", folder, "--report", "--window", "0:1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--window chooses the schedule view of a batch run's report; a GPU run's report has no schedule view", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Simulate_FillWithReport_IsAUsageError()
    {
        var folder = directory.File("fill");

        var run = CliRun.Of("simulate", Trace(), "--gpus", "8", "--fill", "1", "--out", folder, "--report");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--report charts a schedule; a fill experiment (--fill) has none", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_GpuRunFolder_WritesTheSamePageAsSimulateReport()
    {
        var simulated = directory.File("with-report");
        var later = directory.File("later");
        CliRun.Of("simulate", Trace(), "--policy", "gpu/tiresias", "--gpus", "4", "--out", simulated, "--report", "--quiet");
        CliRun.Of("simulate", Trace(), "--policy", "gpu/tiresias", "--gpus", "4", "--out", later, "--quiet");

        var run = CliRun.Of("report", later);

        var path = Path.Combine(later, "report.html");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"wrote {path}", run.Output.TrimEnd('\n'));

        // Same run, same page, but for the folder's name and path in the header.
        var expected = File.ReadAllText(Path.Combine(simulated, "report.html")).Replace(simulated, later, StringComparison.Ordinal).Replace("with-report", "later", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void Report_GpuRunFolderWithWindow_IsAUsageError()
    {
        var folder = Simulate();

        var run = CliRun.Of("report", folder, "--window", "0:1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("a GPU run's report has no schedule view", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void Report_GpuRunFolderWithCorruptJobsCsv_IsBadInputNamingTheFileLineAndField()
    {
        var folder = Simulate();
        var jobs = Path.Combine(folder, "jobs.csv");
        var lines = File.ReadAllLines(jobs);

        // Line 3 is B, submitted at 10 and started at 100: a wait of 80 contradicts its start.
        Assert.Equal("3,10,100,150,90,140,50,50,2,1000,1,0,b,25000", lines[2]);
        lines[2] = "3,10,100,150,80,140,50,50,2,1000,1,0,b,25000";
        File.WriteAllLines(jobs, lines);

        var run = CliRun.Of("report", folder);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{jobs}:3: field wait: 80 is not start - submit (90)", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void Report_GpuRunFolderWithCorruptAllocation_IsBadInputNamingTheFileLineAndField()
    {
        var folder = Simulate();
        var allocation = Path.Combine(folder, "gpu_allocation.csv");
        var lines = File.ReadAllLines(allocation);
        var cells = lines[1].Split(',');
        cells[2] = "lots"; // allocated_gpus
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(allocation, lines);

        var run = CliRun.Of("report", folder);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{allocation}:2: field allocated_gpus: 'lots' is not a number", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FillExperimentFolder_IsBadInputSayingItHasNoSchedule()
    {
        var folder = directory.File("fill");
        CliRun.Of("simulate", Trace(), "--gpus", "8", "--fill", "1", "--out", folder, "--quiet");

        var run = CliRun.Of("report", folder);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("a fill experiment (--fill) has no schedule to chart", run.Error, StringComparison.Ordinal);
    }

    private string Trace()
    {
        var trace = directory.File("philly-small.csv");
        File.WriteAllText(trace, SmallPhilly);
        return trace;
    }

    private string Simulate()
    {
        var folder = directory.File("run");
        var run = CliRun.Of("simulate", Trace(), "--policy", "gpu/fifo", "--gpus", "4", "--out", folder, "--quiet");
        Assert.Equal(0, run.ExitCode);
        return folder;
    }
}
