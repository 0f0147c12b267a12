using System.Globalization;
using Augur.Reports.Charts;
using Augur.Reports.Comparisons;
using Augur.Reports.Runs;

namespace Augur.Reports.Html;

/// <summary>
/// report.html for one run folder (docs/reports.md): its facts and metrics, the CDFs of wait and bounded
/// slowdown, queue length and utilization over time, wait by job size and by user, predicted against actual run
/// time when a predictor ran, and the schedule in a window. Built from the folder's summary.json and jobs.csv,
/// so that <c>augur simulate --report</c> and <c>augur report RUN_DIR</c> give the same page.
/// </summary>
public static class RunReport
{
    public const string FileName = "report.html";

    /// <summary>Reads the run folder and writes its report.html; returns the report's path.</summary>
    /// <exception cref="RunFolderException">The folder, its summary.json or its jobs.csv is missing or malformed.</exception>
    public static string Write(string folder, ScheduleWindow? window = null)
    {
        var summary = RunSummaryReader.Read(folder);
        var jobs = JobsCsvReader.Read(Path.Combine(folder, "jobs.csv"));
        var page = Build(summary, jobs, window);
        var path = Path.Combine(folder, FileName);
        using var stream = File.Create(path);
        HtmlReportWriter.Write(stream, page);
        return path;
    }

    public static ReportPage Build(RunSummary summary, JobTable jobs, ScheduleWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(jobs);
        var rows = jobs.Jobs;
        var (queue, utilization) = TimelineCharts.Build(rows, summary.Processors);
        var charts = new List<Chart>
        {
            CumulativeDistributionChart.Build("wait-cdf", "CDF of wait", "wait (s)", 1, [(summary.Label, rows.Select(job => job.Wait).ToArray())]),
            CumulativeDistributionChart.Build("bsld-cdf", "CDF of bounded slowdown", "bounded slowdown (tau = 10 s)", 1, [(summary.Label, rows.Select(job => job.BoundedSlowdown).ToArray())]),
            queue,
            utilization,
            WaitByGroupCharts.BySize(rows),
            WaitByGroupCharts.ByUser(rows),
        };
        if (PredictionChart.Build(jobs) is { } prediction)
        {
            charts.Add(prediction);
        }

        charts.Add(ScheduleChart.Build(rows, summary.Processors, window));
        return new ReportPage
        {
            Title = $"{summary.Label}: {summary.Policy}",
            Subtitle = $"Augur run report, {rows.Count.ToString("N0", CultureInfo.InvariantCulture)} jobs",
            Facts = Facts(summary, jobs),
            Tables = [MetricsTable(summary)],
            Charts = charts,
        };
    }

    private static List<KeyValuePair<string, string>> Facts(RunSummary summary, JobTable jobs)
    {
        var neverStarted = jobs.Jobs.Count(job => !job.Started);
        var facts = new List<KeyValuePair<string, string>>
        {
            new("run folder", summary.Folder),
            new("trace", summary.Trace),
            new("policy", summary.Policy),
            new("queue order", summary.Order),
            new("planned with", summary.Predictor is null ? "requested times" : summary.Predictor + (summary.Oracle ? " (ORACLE: given the true run times)" : string.Empty)),
            new("processors", summary.Processors.ToString("N0", CultureInfo.InvariantCulture)),
            new("jobs", jobs.Jobs.Count.ToString("N0", CultureInfo.InvariantCulture)),
        };
        if (neverStarted > 0)
        {
            facts.Add(new("never started", neverStarted.ToString("N0", CultureInfo.InvariantCulture)));
        }

        return facts;
    }

    private static ReportTable MetricsTable(RunSummary summary)
    {
        var rows = RunComparison.MetricNames
            .Select(name => (IReadOnlyList<string>)[name, Formatting.Number(Math.Round(summary.Metrics[name], 3))])
            .ToList();
        return new ReportTable("Metrics (summary.json; seconds where timed)", ["metric", "value"], rows);
    }
}
