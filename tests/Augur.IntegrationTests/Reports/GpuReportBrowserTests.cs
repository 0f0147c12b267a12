using System.Globalization;
using Augur.Cli;
using Augur.Testing;

namespace Augur.IntegrationTests.Reports;

/// <summary>
/// report.html of GPU runs opened in headless Chromium, as <see cref="ReportBrowserTests"/> opens batch runs':
/// every chart drawn with every series in its own colour, no console error, nothing fetched from outside the file.
/// </summary>
public sealed class GpuReportBrowserTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("augur-gpu-report-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Report_SmallPhillyUnderFifo_DrawsEveryChartWithoutErrors()
    {
        var trace = Path.Combine(root, "philly-small.csv");
        File.WriteAllText(trace, PhillyShaped(2000));
        var folder = Path.Combine(root, "fifo");

        // FIFO, so that a queue builds up (under gpu/tiresias a new job preempts at once, and jobs.csv shows no wait).
        Run("simulate", trace, "--policy", "gpu/fifo", "--gpus", "64", "--out", folder, "--report", "--quiet");

        var report = await chromium.OpenAsync(Path.Combine(folder, "report.html"));

        // GPUs over time, jobs waiting, CDFs of JCT and delay, JCT by GPUs asked, GPU time and energy by virtual cluster.
        report.AssertEveryChartDrawn(6);
        Assert.Equal(3, report.Chart("gpu-allocation").SeriesWithData);
        Assert.Equal(2, report.Chart("gpu-time-by-user").SeriesWithData);
    }

    [Fact]
    public async Task Report_WholePhillyUnderTiresiasAtLoadOnePointTwo_StaysSmallAndDraws()
    {
        var folder = Path.Combine(root, "philly");
        Run("simulate", Path.Combine(RepositoryPaths.SharedTraces, "gpu", "philly-pollux.csv.gz"), "--policy", "gpu/tiresias", "--load", "1.2", "--out", folder, "--quiet");
        Run("report", folder);
        var path = Path.Combine(folder, "report.html");

        var report = await chromium.OpenAsync(path);

        // 82,247 jobs, drawn from a page of about 0.1 MB: every chart is reduced in C#. Tiresias preempts: a
        // chart of preemptions over time besides the six.
        Assert.InRange(new FileInfo(path).Length, 1, 1024 * 1024);
        report.AssertEveryChartDrawn(7);
        Assert.Equal(1, report.Chart("gpu-preemptions").SeriesWithData);
    }

    /// <summary>
    /// A Philly-shaped trace (trace/philly-pollux's columns): a job a minute, asking 1, 1, 2, 4, 8 or 16 GPUs in
    /// turn, running 1 to 21 minutes, in five virtual clusters: about 58 GPUs busy on average, so that on 64 a
    /// queue comes and goes within the chart's intervals.
    /// </summary>
    private static string PhillyShaped(int jobs)
    {
        var invariant = CultureInfo.InvariantCulture;
        var origin = new DateTime(2017, 10, 9, 0, 0, 0, DateTimeKind.Unspecified);
        int[] sizes = [1, 1, 2, 4, 8, 16];
        var text = new System.Text.StringBuilder("timestamp,duration,num_gpus,gpu_time,cluster\n");
        for (var i = 0; i < jobs; i++)
        {
            var gpus = sizes[i % sizes.Length];
            var duration = 60 + (i * 7919 % 1_200);
            text.Append(invariant, $"{origin.AddMinutes(i):yyyy-MM-dd HH:mm:ss},{duration}.0,{gpus},{gpus * duration}.0,vc{i % 5}\n");
        }

        return text.ToString();
    }

    private static void Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = AugurCommandLine.Run(args, output, error);
        Assert.True(exit == 0, $"augur {string.Join(' ', args)} exited {exit}: {error}");
    }
}
