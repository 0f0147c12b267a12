using Augur.Reports.Comparisons;
using Augur.Reports.Html;
using Augur.Reports.Runs;
using Augur.Reports.Tests.Comparisons;

namespace Augur.Reports.Tests.Html;

public sealed class ComparisonReportGpuTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("augur-comparison-report-gpu-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static RunComparison TwoRuns => new(
        [
            ComparisonWriterGpuTests.Run("fifo", "gpu/fifo", 380 / 3.0, 140, 220 / 3.0, 0.876712, null),
            ComparisonWriterGpuTests.Run("sjf", "gpu/sjf", 340 / 3.0, 100, 60, 0.876712, "predictor/clairvoyant"),
        ]);

    [Fact]
    public void BuildGpu_TwoRuns_OverlaysTheirJctAndQueueingDelayCdfs()
    {
        // FIFO: JCT 100, 140, 140, delays 0, 90, 130. SJF's B never finished: JCT 100, 90 and one left out; delays 0, 100, 80.
        var fifo = Table(Job("1", 0, 0, 100), Job("2", 10, 100, 150), Job("3", 20, 150, 160));
        var sjf = Table(Job("1", 0, 0, 100), Job("2", 10, 110, double.NaN), Job("3", 20, 100, 110));

        var page = ComparisonReport.BuildGpu(TwoRuns, [fifo, sjf]);

        Assert.Equal(["jct-cdf", "queueing-delay-cdf"], page.Charts.Select(chart => chart.Id));
        Assert.All(page.Charts, chart => Assert.Equal(["fifo", "sjf (ORACLE)"], chart.Series.Select(series => series.Label)));

        // JCT grid 90, 100, 140: FIFO 0, 1/3, 1; SJF over its two finished jobs (the chart notes the one left out) 1/2, 1, 1.
        var completion = page.Charts[0];
        Assert.Equal(new double[] { 90, 100, 140 }, completion.XValues);
        Assert.Equal(new[] { 0, 1 / 3.0, 1 }, completion.Series[0].Values);
        Assert.Equal(new[] { 0.5, 1, 1 }, completion.Series[1].Values);
        Assert.Equal("place/consolidate", Assert.Single(page.Tables).Rows[0][2]);
    }

    [Fact]
    public void Write_GpuRunFolderWithoutJobsCsv_NamesTheMissingFile()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "fifo")).FullName;
        var runs = TwoRuns.Runs.Select(run => run with { Folder = folder }).ToList();

        var error = Assert.Throws<RunFolderException>(() => ComparisonReport.Write(Path.Combine(root, "comparison.html"), new RunComparison(runs)));

        Assert.StartsWith(Path.Combine(folder, "jobs.csv") + ": missing", error.Message, StringComparison.Ordinal);
    }

    private static GpuJobTable Table(params GpuJobRow[] jobs) => new("jobs.csv", jobs);

    private static GpuJobRow Job(string id, double submit, double start, double end) =>
        new(id, submit, start, end, start - submit, end - submit, end - start, end - start, 4, 1000, "a", 0);
}
