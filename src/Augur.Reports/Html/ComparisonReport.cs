using Augur.Reports.Charts;
using Augur.Reports.Comparisons;
using Augur.Reports.Runs;

namespace Augur.Reports.Html;

/// <summary>
/// The HTML form of <c>augur compare</c> (docs/reports.md): the metrics of every run with their ratios to the
/// baseline, and the CDFs of wait and of bounded slowdown of every run overlaid on one chart each; for GPU runs,
/// the CDFs of job completion time and of queueing delay.
/// </summary>
public static partial class ComparisonReport
{
    /// <summary>Reads each run's jobs.csv and writes the comparison page to <paramref name="path"/>.</summary>
    /// <exception cref="RunFolderException">A run's jobs.csv is missing or malformed.</exception>
    public static void Write(string path, RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var page = comparison.IsGpu
            ? BuildGpu(comparison, comparison.Runs.Select(run => GpuJobsCsvReader.Read(Path.Combine(run.Folder, "jobs.csv"))).ToList())
            : Build(comparison, comparison.Runs.Select(run => JobsCsvReader.Read(Path.Combine(run.Folder, "jobs.csv"))).ToList());
        using var stream = File.Create(path);
        HtmlReportWriter.Write(stream, page);
    }

    public static ReportPage Build(RunComparison comparison, IReadOnlyList<JobTable> jobs)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(jobs);
        CheckOnePerRun(comparison, jobs.Count);
        var labels = Labels(comparison);
        var waits = new List<(string, IReadOnlyList<double>)>();
        var slowdowns = new List<(string, IReadOnlyList<double>)>();
        for (var run = 0; run < jobs.Count; run++)
        {
            waits.Add((labels[run], jobs[run].Jobs.Select(job => job.Wait).ToArray()));
            slowdowns.Add((labels[run], jobs[run].Jobs.Select(job => job.BoundedSlowdown).ToArray()));
        }

        return Page(
            comparison,
            [
                CumulativeDistributionChart.Build("wait-cdf", "CDF of wait, every run", "wait (s)", 1, waits),
                CumulativeDistributionChart.Build("bsld-cdf", "CDF of bounded slowdown, every run", "bounded slowdown (tau = 10 s)", 1, slowdowns),
            ]);
    }

    private static ReportPage Page(RunComparison comparison, IReadOnlyList<Chart> charts)
    {
        var labels = Labels(comparison);
        return new ReportPage
        {
            Title = $"Comparison of {comparison.Runs.Count} runs",
            Subtitle = $"Ratios are to {comparison.Runs[comparison.Baseline].Label}.",
            Facts = comparison.Runs.Select((run, index) => new KeyValuePair<string, string>(labels[index], $"{run.Policy} on {run.Trace}")).ToList(),
            Tables = [MetricsTable(ComparisonWriter.Cells(comparison), ComparisonWriter.FirstMetricColumn(comparison))],
            Charts = charts,
        };
    }

    private static List<string> Labels(RunComparison comparison) =>
        comparison.Runs.Select(run => run.Label + (run.Oracle ? " (ORACLE)" : string.Empty)).ToList();

    private static void CheckOnePerRun(RunComparison comparison, int jobs)
    {
        if (jobs != comparison.Runs.Count)
        {
            throw new ArgumentException($"{jobs} job tables for {comparison.Runs.Count} runs", nameof(jobs));
        }
    }

    /// <summary>
    /// The metrics table with each metric's ratio in its value's cell ("16466.086 x0.201"), so that it fits a
    /// page; the cells are <see cref="ComparisonWriter.Cells"/>'s, which md and csv use too.
    /// </summary>
    private static ReportTable MetricsTable(IReadOnlyList<IReadOnlyList<string>> cells, int firstMetric)
    {
        var header = cells[0];
        var columns = header.Take(firstMetric).ToList();
        for (var column = firstMetric; column < header.Count; column += 2)
        {
            columns.Add(header[column]);
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in cells.Skip(1))
        {
            var line = row.Take(firstMetric).ToList();
            for (var column = firstMetric; column < row.Count; column += 2)
            {
                line.Add($"{row[column]} x{row[column + 1]}");
            }

            rows.Add(line);
        }

        return new ReportTable("Metrics (seconds where timed), each with x its ratio to the baseline", columns, rows);
    }
}
