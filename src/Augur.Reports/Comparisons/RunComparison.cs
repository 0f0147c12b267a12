namespace Augur.Reports.Comparisons;

/// <summary>Runs side by side, each metric also as a ratio to the baseline run's (1 for the baseline itself).</summary>
public sealed class RunComparison
{
    public RunComparison(IReadOnlyList<RunSummary> runs, int baseline = 0)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("A comparison needs at least one run.", nameof(runs));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(baseline);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(baseline, runs.Count);
        Runs = runs;
        Baseline = baseline;
    }

    /// <summary>The compared metrics in column order (summary.json names, seconds where timed).</summary>
    public static IReadOnlyList<string> MetricNames { get; } =
        ["jobs", "wait_mean", "wait_median", "wait_p95", "bsld_mean", "bsld_median", "response_mean", "utilization", "makespan"];

    public IReadOnlyList<RunSummary> Runs { get; }

    public int Baseline { get; }

    /// <summary>The run's metric over the baseline's; NaN when the baseline's is 0.</summary>
    public double Ratio(int run, string metric)
    {
        var baseline = Runs[Baseline].Metrics[metric];
        return baseline == 0 ? double.NaN : Runs[run].Metrics[metric] / baseline;
    }
}
