using Augur.Reports.Charts;
using Augur.Reports.Comparisons;
using Augur.Reports.Html;
using Augur.Reports.Runs;
using Augur.Reports.Tables;
using Augur.Reports.Tests.Comparisons;
using Augur.Simulation;

namespace Augur.Reports.Tests.Html;

public sealed class RunReportTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("augur-run-report-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Build_RunWithoutPredictor_HasTheSevenChartsInOrder()
    {
        var page = RunReport.Build(Summary("three"), Jobs(ThreeJobSchedule.Run()));

        Assert.Equal(
            ["wait-cdf", "bsld-cdf", "queue-length", "utilization", "wait-by-size", "wait-by-user", "schedule"],
            page.Charts.Select(chart => chart.Id));
    }

    [Fact]
    public void Build_RunWithPredictor_AddsThePredictionChartBeforeTheSchedule()
    {
        var page = RunReport.Build(Summary("predicted", predictor: "predictor/test-table"), Jobs(PredictedSchedule.Run()));

        Assert.Equal(
            ["wait-cdf", "bsld-cdf", "queue-length", "utilization", "wait-by-size", "wait-by-user", "predicted-vs-actual", "schedule"],
            page.Charts.Select(chart => chart.Id));
    }

    [Fact]
    public void Build_ThreeJobSchedule_ChartsShowItsJobs()
    {
        var page = RunReport.Build(Summary("three"), Jobs(ThreeJobSchedule.Run()));

        // Waits 0, 90, 110: floored to 1, 90, 110, so the wait CDF is 1/3, 2/3, 1 at 1, 90, 110.
        var wait = page.Charts[0];
        Assert.Equal(new double[] { 1, 90, 110 }, wait.XValues);
        Assert.Equal("three", Assert.Single(wait.Series).Label);

        // Processors 2, 4, 1: buckets "1", "2", "3-4". User 7 and unknown (jobs 1 and 3, first by job count).
        Assert.Equal(["1", "2", "3-4"], page.Charts[4].X.Categories);
        Assert.Equal(["unknown", "user 7"], page.Charts[5].X.Categories);

        // Schedule: job 1 on processors 0-1 (0-100 s), job 2 on 0-3 (100-130 s), job 3 on 0 (130-135 s).
        Assert.Equal(new double[] { 0, 0, 0 }, page.Charts[6].Rectangles.Select(rectangle => rectangle.Bottom));
        Assert.Equal(new double[] { 2, 4, 1 }, page.Charts[6].Rectangles.Select(rectangle => rectangle.Top));
    }

    [Fact]
    public void Build_Window_IsTheScheduleViewsWindow()
    {
        var page = RunReport.Build(Summary("three"), Jobs(ThreeJobSchedule.Run()), new ScheduleWindow(1, 2));

        var schedule = page.Charts[^1];
        Assert.Equal((1, 2), schedule.X.Range);
        Assert.Empty(schedule.Rectangles);
    }

    [Fact]
    public void Build_Summary_GivesTheTitleFactsAndMetricsTable()
    {
        var summary = Summary("three", predictor: "predictor/moe", oracle: true) with { Metrics = Metrics(waitMean: 66.66666666) };

        var page = RunReport.Build(summary, Jobs(ThreeJobSchedule.Run()));

        Assert.Equal("three: test/fcfs", page.Title);
        Assert.Equal("Augur run report, 3 jobs", page.Subtitle);
        var facts = page.Facts.ToDictionary(fact => fact.Key, fact => fact.Value);
        Assert.Equal("runs/three", facts["run folder"]);
        Assert.Equal("predictor/moe (ORACLE: given the true run times)", facts["planned with"]);
        Assert.Equal("4", facts["processors"]);
        Assert.Equal("3", facts["jobs"]);
        Assert.False(facts.ContainsKey("never started"));
        var table = Assert.Single(page.Tables);
        Assert.Equal(["metric", "value"], table.Columns);
        Assert.Equal(RunComparison.MetricNames, table.Rows.Select(row => row[0]));

        // wait_mean 66.66666666 rounded to 3 decimals.
        Assert.Equal("66.667", table.Rows[1][1]);
    }

    [Fact]
    public void Build_RunWithoutPredictor_SaysItPlannedWithRequestedTimes()
    {
        var page = RunReport.Build(Summary("three"), Jobs(ThreeJobSchedule.Run()));

        Assert.Contains(new KeyValuePair<string, string>("planned with", "requested times"), page.Facts);
    }

    [Fact]
    public void Build_JobsThatNeverStarted_CountsThemInTheFacts()
    {
        var jobs = new JobTable("jobs.csv", [JobRows.Started(0, 0, 10), JobRows.NeverStarted(5), JobRows.NeverStarted(6)], HasUsers: false, HasPredictions: false);

        var page = RunReport.Build(Summary("x"), jobs);

        Assert.Contains(new KeyValuePair<string, string>("never started", "2"), page.Facts);
    }

    [Fact]
    public void Write_RunFolder_WritesReportHtmlAndReturnsItsPath()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "run")).FullName;
        File.WriteAllText(Path.Combine(folder, "summary.json"), RunSummaryReaderTests.Summary(bsld: 2));
        using (var writer = new StreamWriter(Path.Combine(folder, "jobs.csv")))
        {
            JobsCsvWriter.Write(writer, ThreeJobSchedule.Run());
        }

        var path = RunReport.Write(folder);

        Assert.Equal(Path.Combine(folder, "report.html"), path);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"schedule\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FolderWithoutJobsCsv_NamesTheMissingFile()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "run")).FullName;
        File.WriteAllText(Path.Combine(folder, "summary.json"), RunSummaryReaderTests.Summary(bsld: 2));

        var error = Assert.Throws<RunFolderException>(() => RunReport.Write(folder));

        Assert.StartsWith(Path.Combine(folder, "jobs.csv") + ": missing", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }

    internal static RunSummary Summary(string label, string? predictor = null, bool oracle = false) =>
        new("runs/" + label, label, "t.swf", "test/fcfs", predictor, oracle, Metrics()) { Processors = 4 };

    internal static JobTable Jobs(SimulationResult result)
    {
        using var writer = new StringWriter();
        JobsCsvWriter.Write(writer, result);
        using var reader = new StringReader(writer.ToString());
        return JobsCsvReader.Read(reader, "jobs.csv");
    }

    private static Dictionary<string, double> Metrics(double waitMean = 1) =>
        RunComparison.MetricNames.ToDictionary(name => name, name => name == "wait_mean" ? waitMean : 1.0);
}
