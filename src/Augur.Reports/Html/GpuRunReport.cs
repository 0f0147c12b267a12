using System.Globalization;
using Augur.Reports.Charts;
using Augur.Reports.Gpu;
using Augur.Reports.Runs;

namespace Augur.Reports.Html;

/// <summary>
/// report.html for one GPU run folder (docs/reports.md, GPU runs): the run's description and metrics, GPUs
/// allocated and free over time, jobs waiting over time, preemptions over time when the policy preempted, the
/// CDFs of JCT and queueing delay, JCT by GPUs asked, and GPU time and energy by user when the trace has users. Built from the folder's summary.json, jobs.csv and
/// gpu_allocation.csv, so that <c>augur simulate --report</c> and <c>augur report RUN_DIR</c> give the same page.
/// </summary>
public static class GpuRunReport
{
    /// <summary>Reads the GPU run folder and writes its report.html; returns the report's path.</summary>
    /// <exception cref="Comparisons.RunFolderException">A file of the folder is missing or malformed.</exception>
    public static string Write(string folder)
    {
        var summary = GpuRunSummaryReader.Read(folder);
        var jobs = GpuJobsCsvReader.Read(Path.Combine(folder, "jobs.csv"));
        var allocation = GpuAllocationCsvReader.Read(Path.Combine(folder, GpuAllocationCsvReader.FileName));
        var page = Build(summary, jobs, allocation);
        var path = Path.Combine(folder, RunReport.FileName);
        using var stream = File.Create(path);
        HtmlReportWriter.Write(stream, page);
        return path;
    }

    public static ReportPage Build(GpuRunSummary summary, GpuJobTable jobs, IReadOnlyList<GpuAllocationRow> allocation)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(allocation);
        var rows = jobs.Jobs;
        var origin = rows.Count == 0 ? 0 : rows.Min(job => job.Submit);
        var charts = new List<Chart>
        {
            GpuAllocationCharts.Build(allocation, summary.Gpus, origin),

            // Jobs waiting from gpu_allocation.csv, preempted ones included; from jobs.csv for a file written before it had them.
            GpuAllocationCharts.Waiting(allocation, origin) ?? GpuQueueChart.Build(rows),
            CumulativeDistributionChart.Build("jct-cdf", "CDF of job completion time", "JCT (s)", 1, [(summary.Label, rows.Select(job => job.Jct).ToArray())], leftOut: "never started or never finished"),
            CumulativeDistributionChart.Build("queueing-delay-cdf", "CDF of queueing delay", "queueing delay (s)", 1, [(summary.Label, rows.Select(job => job.Wait).ToArray())]),
            GpuSizeChart.Build(rows),
        };
        if (GpuAllocationCharts.Preemptions(allocation, origin) is { } preemptions)
        {
            charts.Insert(2, preemptions);
        }

        if (GpuUserChart.Build(summary.Users, UserKind(summary.Format)) is { } users)
        {
            charts.Add(users);
        }

        return new ReportPage
        {
            Title = $"{summary.Label}: {summary.Policy}",
            Subtitle = $"Augur GPU run report, {rows.Count.ToString("N0", CultureInfo.InvariantCulture)} jobs",
            Facts = Facts(summary, jobs),
            Tables = [MetricsTable(summary)],
            Charts = charts,
        };
    }

    private static List<KeyValuePair<string, string>> Facts(GpuRunSummary summary, GpuJobTable jobs)
    {
        var invariant = CultureInfo.InvariantCulture;
        var facts = new List<KeyValuePair<string, string>>
        {
            new("run folder", summary.Folder),
            new("trace", $"{summary.Trace} ({summary.Format})"),
            new("policy", summary.Policy),
            new("placement", summary.Placement),
            new("predictor", summary.Predictor is null ? "none" : summary.Predictor + (summary.Oracle ? " (ORACLE: given the true run times; an upper bound, not a result)" : string.Empty)),
            new("cluster", $"{summary.Gpus.ToString("N0", invariant)} GPUs on {summary.Nodes.ToString("N0", invariant)} nodes ({summary.ClusterName})"),
        };
        foreach (var (name, value) in summary.Options)
        {
            facts.Add(new(name.Replace('_', ' '), value));
        }

        facts.Add(new("jobs", jobs.Jobs.Count.ToString("N0", invariant)));
        if (summary.NeverStarted > 0)
        {
            facts.Add(new("never started", summary.NeverStarted.ToString("N0", invariant)));
        }

        if (summary.NeverFinished > 0)
        {
            facts.Add(new("never finished", summary.NeverFinished.ToString("N0", invariant) + " (preempted and never resumed)"));
        }

        var preemptions = summary.Metrics.FirstOrDefault(metric => metric.Key == "preemptions").Value;
        facts.Add(new("preemptions", preemptions > 0 ? preemptions.ToString("N0", invariant) : "none"));
        if (!GpuUserChart.HasUsers(summary.Users))
        {
            facts.Add(new("users", "the trace records none, so there is no chart by user"));
        }

        return facts;
    }

    /// <summary>What stands in for a user in the trace (docs/gpu.md): neither trace records users.</summary>
    private static string UserKind(string format) => format switch
    {
        "trace/philly-pollux" => "virtual cluster",
        "trace/alibaba-openb" => "QoS class",
        _ => "group",
    };

    private static ReportTable MetricsTable(GpuRunSummary summary)
    {
        var rows = summary.Metrics
            .Select(metric => (IReadOnlyList<string>)[metric.Key, double.IsNaN(metric.Value) ? "null" : Formatting.Number(Math.Round(metric.Value, 3))])
            .ToList();
        return new ReportTable("Metrics (summary.json; seconds where timed, joules for energy)", ["metric", "value"], rows);
    }
}
