using Augur.Reports.Charts;
using Augur.Reports.Comparisons;
using Augur.Reports.Runs;

namespace Augur.Reports.Html;

/// <summary>The GPU comparison page: the same metrics table, with the CDFs of JCT and queueing delay of every run.</summary>
public static partial class ComparisonReport
{
    /// <summary>
    /// The page for GPU runs. A job that never finished has no JCT and one that never started no queueing delay;
    /// each chart counts them as left out rather than dropping them silently.
    /// </summary>
    public static ReportPage BuildGpu(RunComparison comparison, IReadOnlyList<GpuJobTable> jobs)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(jobs);
        CheckOnePerRun(comparison, jobs.Count);
        var labels = Labels(comparison);
        var completions = new List<(string, IReadOnlyList<double>)>();
        var delays = new List<(string, IReadOnlyList<double>)>();
        for (var run = 0; run < jobs.Count; run++)
        {
            completions.Add((labels[run], jobs[run].Jobs.Select(job => job.Jct).ToArray()));
            delays.Add((labels[run], jobs[run].Jobs.Select(job => job.Wait).ToArray()));
        }

        return Page(
            comparison,
            [
                CumulativeDistributionChart.Build("jct-cdf", "CDF of job completion time, every run", "JCT (s)", 1, completions, leftOut: "never started or never finished"),
                CumulativeDistributionChart.Build("queueing-delay-cdf", "CDF of queueing delay, every run", "queueing delay (s)", 1, delays),
            ]);
    }
}
