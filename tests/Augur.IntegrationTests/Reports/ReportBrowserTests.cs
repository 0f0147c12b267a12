using Augur.Cli;
using Augur.Testing;

namespace Augur.IntegrationTests.Reports;

/// <summary>
/// report.html and the comparison page opened in headless Chromium: every chart drawn with its data on the
/// canvas, no console error, nothing fetched from outside the file — on synthetic runs, real traces, and a
/// trace that records no users.
/// </summary>
public sealed class ReportBrowserTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("augur-report-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Report_SyntheticEasyRun_DrawsEveryChartWithoutErrors()
    {
        var folder = Path.Combine(root, "easy");
        Run("simulate", "synthetic:lublin", "--jobs", "2000", "--procs", "128", "--seed", "3", "--policy", "backfill/easy", "--out", folder, "--report", "--quiet");

        var report = await chromium.OpenAsync(Path.Combine(folder, "report.html"));

        // CDFs of wait and bsld, queue length, utilization, wait by size, wait by user, schedule: no predictor chart.
        report.AssertEveryChartDrawn(7);
        Assert.Equal(2, report.Chart("queue-length").SeriesWithData);
    }

    [Fact]
    public async Task Report_KthUnderEasyPlusPlus_DrawsThePredictionChartToo()
    {
        var folder = Path.Combine(root, "kth");
        Run("simulate", Path.Combine(RepositoryPaths.SharedTraces, "hpc", "KTH-SP2.filtered.swf.gz"), "--policy", "backfill/easy++", "--out", folder, "--quiet");
        Run("report", folder, "--window", "200:230"); // 123 jobs ran in these 30 hours

        var report = await chromium.OpenAsync(Path.Combine(folder, "report.html"));

        report.AssertEveryChartDrawn(8);
        Assert.Equal(2, report.Chart("predicted-vs-actual").SeriesWithData);
    }

    [Fact]
    public async Task Report_RiccTheLargestTrace_StaysUnderFiveMegabytesAndDraws()
    {
        var folder = Path.Combine(root, "ricc");
        Run("simulate", Path.Combine(RepositoryPaths.SharedTraces, "hpc", "RICC-2010-2.swf.gz"), "--policy", "backfill/easy", "--out", folder, "--report", "--quiet");
        var path = Path.Combine(folder, "report.html");

        var report = await chromium.OpenAsync(path);

        Assert.InRange(new FileInfo(path).Length, 1, 5 * 1024 * 1024);
        report.AssertEveryChartDrawn(7);
    }

    [Fact]
    public async Task Report_TraceWithoutUsersOrSizes_StillDrawsEveryChart()
    {
        // A trace nobody has seen: five jobs, no user recorded (field 12 = -1), all on one processor.
        var trace = Path.Combine(root, "anonymous.swf");
        File.WriteAllText(trace, "; MaxProcs: 2\n" + string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"{i} {i * 10} -1 {100 * i} 1 -1 -1 1 {200 * i} -1 1 -1 -1 -1 -1 -1 -1 -1\n")));
        var folder = Path.Combine(root, "anonymous");
        Run("simulate", trace, "--policy", "queue/fcfs", "--out", folder, "--report", "--quiet");

        var report = await chromium.OpenAsync(Path.Combine(folder, "report.html"));

        report.AssertEveryChartDrawn(7);
        Assert.Equal(2, report.Chart("wait-by-user").SeriesWithData);
    }

    [Fact]
    public async Task CompareHtml_DemoRuns_OverlaysTheCdfsOfEveryRun()
    {
        var demo = Path.Combine(root, "demo");
        Run("demo", "--jobs", "1000", "--out", demo);
        var page = Path.Combine(root, "compare.html");
        Run("compare", Path.Combine(demo, "queue-fcfs"), Path.Combine(demo, "backfill-easy"), Path.Combine(demo, "backfill-conservative"), "--format", "html", "--out", page);

        var demoReport = await chromium.OpenAsync(Path.Combine(demo, "comparison.html"));
        var comparison = await chromium.OpenAsync(page);

        demoReport.AssertEveryChartDrawn(2);
        comparison.AssertEveryChartDrawn(2);
        foreach (var id in new[] { "wait-cdf", "bsld-cdf" })
        {
            Assert.Equal(3, comparison.Chart(id).Series);
            Assert.Equal(3, comparison.Chart(id).SeriesWithData);
        }
    }

    private static void Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = AugurCommandLine.Run(args, output, error);
        Assert.True(exit == 0, $"augur {string.Join(' ', args)} exited {exit}: {error}");
    }
}
