namespace Augur.Cli.Tests.Commands;

public sealed class ReportCommandTests : IDisposable
{
    private const string SmallTrace = """
        ; MaxProcs: 4
        1 0 -1 100 2 -1 -1 2 200 -1 1 1 1 -1 1 -1 -1 -1
        2 10 -1 100 4 -1 -1 4 200 -1 1 2 1 -1 1 -1 -1 -1
        3 20 -1 50 2 -1 -1 2 60 -1 1 3 1 -1 1 -1 -1 -1
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Report_RunFolderFromSimulate_WritesReportHtmlAndPrintsItsPath()
    {
        var folder = Simulate("easy", "backfill/easy");

        var run = CliRun.Of("report", folder);

        var path = Path.Combine(folder, "report.html");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"wrote {path}", run.Output.TrimEnd('\n'));
        Assert.Equal(string.Empty, run.Error);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);

        // The default window of a run shorter than a day: from the first submission to the last end, 200 s.
        Assert.Contains("Jobs running between 0 h and 0.06 h after the first submission (3 jobs)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Window_IsTheScheduleViewsWindow()
    {
        var folder = Simulate("easy", "backfill/easy");

        var run = CliRun.Of("report", folder, "--window", "0:1");

        // EASY runs the three jobs within 200 s, all inside the first hour.
        Assert.Equal(0, run.ExitCode);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("Jobs running between 0 h and 1 h after the first submission (3 jobs)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5:1", "--window '5:1': the window must start at 0 h or later and end after it starts")]
    [InlineData("x", "--window 'x' is not FROM:TO in hours (for example 24:48)")]
    public void Report_BadWindow_IsAUsageErrorAndWritesNothing(string window, string message)
    {
        var folder = Simulate("easy", "backfill/easy");

        var run = CliRun.Of("report", folder, "--window", window);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void Report_MissingFolder_IsBadInputNamingIt()
    {
        var folder = directory.File("nothing-here");

        var run = CliRun.Of("report", folder);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{folder}: no such run folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_MalformedJobsCsv_IsBadInputNamingTheFileLineAndField()
    {
        var folder = Simulate("easy", "backfill/easy");
        var jobs = Path.Combine(folder, "jobs.csv");
        var lines = File.ReadAllLines(jobs);

        // Line 3 is job 2, submitted at 10: a start at 5 is before its submission.
        lines[2] = "2,10,5,200,90,100,4,200,1.9,0,2";
        File.WriteAllLines(jobs, lines);

        var run = CliRun.Of("report", folder);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{jobs}:3: field start: 5 is below 10", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void Report_FolderWithoutJobsCsv_IsBadInputNamingTheFile()
    {
        var folder = Simulate("easy", "backfill/easy");
        var jobs = Path.Combine(folder, "jobs.csv");
        File.Delete(jobs);

        var run = CliRun.Of("report", folder);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{jobs}: missing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_WithReport_WritesReportHtmlIntoTheRunFolder()
    {
        var trace = directory.File("small.swf");
        File.WriteAllText(trace, SmallTrace);
        var folder = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--policy", "backfill/easy", "--out", folder, "--report", "--window", "0:2");

        var path = Path.Combine(folder, "report.html");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"wrote {path}", run.Output, StringComparison.Ordinal);
        Assert.Contains("Jobs running between 0 h and 2 h after the first submission (3 jobs)", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_WithoutReport_WritesNoReportHtml()
    {
        var folder = Simulate("easy", "backfill/easy");

        Assert.True(File.Exists(Path.Combine(folder, "jobs.csv")));
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void Simulate_WithReportAndBadWindow_IsAUsageErrorBeforeSimulating()
    {
        var trace = directory.File("small.swf");
        File.WriteAllText(trace, SmallTrace);
        var folder = directory.File("run");

        var run = CliRun.Of("simulate", trace, "--policy", "backfill/easy", "--out", folder, "--report", "--window", "5:1");

        Assert.Equal(2, run.ExitCode);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Compare_FormatHtml_WritesThePageToOut()
    {
        var fcfs = Simulate("fcfs", "queue/fcfs");
        var easy = Simulate("easy", "backfill/easy");
        var page = directory.File("page.html");

        var run = CliRun.Of("compare", fcfs, easy, "--format", "html", "--out", page);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"wrote {page}", run.Output.TrimEnd('\n'));
        var html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Comparison of 2 runs", html, StringComparison.Ordinal);
        Assert.Contains("Ratios are to fcfs.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_FormatHtmlWithARunLackingJobsCsv_IsBadInput()
    {
        var fcfs = Simulate("fcfs", "queue/fcfs");
        var easy = Simulate("easy", "backfill/easy");
        File.Delete(Path.Combine(easy, "jobs.csv"));
        var page = directory.File("page.html");

        var run = CliRun.Of("compare", fcfs, easy, "--format", "html", "--out", page);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{Path.Combine(easy, "jobs.csv")}: missing", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(page));
    }

    [Fact]
    public void Demo_SmallWorkload_EndsWithTheComparisonReport()
    {
        var root = directory.File("demo");

        var run = CliRun.Of("demo", "--jobs", "300", "--out", root);

        var page = Path.Combine(root, "comparison.html");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"comparison report: {page}", run.Output.TrimEnd('\n').Split('\n')[^1]);
        Assert.True(File.Exists(page));
        Assert.Contains("Comparison of 3 runs", File.ReadAllText(page), StringComparison.Ordinal);
    }

    /// <summary>Simulates the small trace under a policy into a run folder named <paramref name="name"/>.</summary>
    private string Simulate(string name, string policy)
    {
        var trace = directory.File("small.swf");
        File.WriteAllText(trace, SmallTrace);
        var folder = directory.File(name);
        Assert.Equal(0, CliRun.Of("simulate", trace, "--policy", policy, "--out", folder, "--quiet").ExitCode);
        return folder;
    }
}
