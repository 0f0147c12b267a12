using Augur.Reports.Comparisons;
using Augur.Reports.Html;
using Augur.Reports.Tables;
using Augur.Reports.Tests.Comparisons;

namespace Augur.Reports.Tests.Html;

public sealed class ComparisonReportTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("augur-comparison-report-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Build_TwoRuns_OverlaysEveryRunOnTheTwoCdfs()
    {
        var comparison = new RunComparison([RunReportTests.Summary("fcfs"), RunReportTests.Summary("oracle", predictor: "predictor/p", oracle: true)]);
        var jobs = new[] { RunReportTests.Jobs(ThreeJobSchedule.Run()), RunReportTests.Jobs(PredictedSchedule.Run()) };

        var page = ComparisonReport.Build(comparison, jobs);

        Assert.Equal(["wait-cdf", "bsld-cdf"], page.Charts.Select(chart => chart.Id));
        Assert.All(page.Charts, chart => Assert.Equal(["fcfs", "oracle (ORACLE)"], chart.Series.Select(series => series.Label)));

        // ThreeJobSchedule waits 0, 90, 110 and PredictedSchedule waits 0, 0, 90, 90: floored at 1, the grid is
        // 1, 90, 110; fcfs has 1/3, 2/3, 1 and the other run 2/4, 4/4, 4/4.
        var wait = page.Charts[0];
        Assert.Equal(new double[] { 1, 90, 110 }, wait.XValues);
        Assert.Equal(new[] { 1 / 3.0, 2 / 3.0, 1 }, wait.Series[0].Values);
        Assert.Equal(new[] { 0.5, 1, 1 }, wait.Series[1].Values);
    }

    [Fact]
    public void Build_TwoRuns_HasTheTitleFactsAndOneMetricsTable()
    {
        var comparison = new RunComparison([RunReportTests.Summary("a"), RunReportTests.Summary("b")], baseline: 1);
        var jobs = new[] { RunReportTests.Jobs(ThreeJobSchedule.Run()), RunReportTests.Jobs(ThreeJobSchedule.Run()) };

        var page = ComparisonReport.Build(comparison, jobs);

        Assert.Equal("Comparison of 2 runs", page.Title);
        Assert.Equal("Ratios are to b.", page.Subtitle);
        Assert.Equal(["a", "b"], page.Facts.Select(fact => fact.Key));
        Assert.Equal("test/fcfs on t.swf", page.Facts[0].Value);
        var table = Assert.Single(page.Tables);
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public void Build_FewerJobTablesThanRuns_Throws()
    {
        var comparison = new RunComparison([RunReportTests.Summary("a"), RunReportTests.Summary("b")]);
        var jobs = new[] { RunReportTests.Jobs(ThreeJobSchedule.Run()) };

        var error = Assert.Throws<ArgumentException>(() => ComparisonReport.Build(comparison, jobs));

        Assert.StartsWith("1 job tables for 2 runs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RunFolders_ReadsTheirJobsCsvAndWritesThePage()
    {
        var first = RunFolder("first");
        var second = RunFolder("second");
        var comparison = new RunComparison([RunSummaryReader.Read(first), RunSummaryReader.Read(second)]);
        var path = Path.Combine(root, "comparison.html");

        ComparisonReport.Write(path, comparison);

        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Comparison of 2 runs", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RunFolderWithoutJobsCsv_NamesTheMissingFile()
    {
        var first = RunFolder("first");
        var second = RunFolder("second");
        File.Delete(Path.Combine(second, "jobs.csv"));
        var comparison = new RunComparison([RunSummaryReader.Read(first), RunSummaryReader.Read(second)]);

        var error = Assert.Throws<RunFolderException>(() => ComparisonReport.Write(Path.Combine(root, "comparison.html"), comparison));

        Assert.StartsWith(Path.Combine(second, "jobs.csv") + ": missing", error.Message, StringComparison.Ordinal);
    }

    private string RunFolder(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "summary.json"), RunSummaryReaderTests.Summary(bsld: 2));
        using var writer = new StreamWriter(Path.Combine(folder, "jobs.csv"));
        JobsCsvWriter.Write(writer, ThreeJobSchedule.Run());
        return folder;
    }
}
