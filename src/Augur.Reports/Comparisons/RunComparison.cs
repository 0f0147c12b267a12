namespace Augur.Reports.Comparisons;

/// <summary>
/// Runs side by side, each metric also as a ratio to the baseline run's (1 for the baseline itself). The runs are
/// all batch runs or all GPU runs: the two kinds have different metrics.
/// </summary>
public sealed class RunComparison
{
    /// <exception cref="RunFolderException">The runs mix batch and GPU runs; the message names the folders of each kind.</exception>
    public RunComparison(IReadOnlyList<RunSummary> runs, int baseline = 0)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("A comparison needs at least one run.", nameof(runs));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(baseline);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(baseline, runs.Count);
        var gpuRuns = runs.Where(run => run.IsGpu).Select(run => run.Folder).ToList();
        if (gpuRuns.Count > 0 && gpuRuns.Count < runs.Count)
        {
            var batchRuns = runs.Where(run => !run.IsGpu).Select(run => run.Folder);
            throw new RunFolderException($"batch runs ({string.Join(", ", batchRuns)}) and GPU runs ({string.Join(", ", gpuRuns)}) cannot be compared: their metrics differ; compare each kind on its own");
        }

        Runs = runs;
        Baseline = baseline;
        IsGpu = gpuRuns.Count > 0;
    }

    /// <summary>The compared metrics in column order (summary.json names, seconds where timed).</summary>
    public static IReadOnlyList<string> MetricNames { get; } =
        ["jobs", "wait_mean", "wait_median", "wait_p95", "bsld_mean", "bsld_median", "response_mean", "utilization", "makespan"];

    /// <summary>The compared metrics of GPU runs in column order (summary.json names, seconds where timed).</summary>
    public static IReadOnlyList<string> GpuMetricNames { get; } =
    [
        "jobs", "jct_mean", "jct_median", "jct_p95", "jct_p99", "queueing_delay_mean", "queueing_delay_p95", "makespan",
        "gpu_allocation", "preemptions", "energy_total_kwh", "jain_gpu_time", "jain_energy", "jain_gpu_time_windowed",
        "jain_energy_windowed",
    ];

    /// <summary>
    /// GPU metrics that summaries written before they existed lack: such a run's value is not available (NaN,
    /// shown as <c>-</c>), not an error.
    /// </summary>
    public static IReadOnlyList<string> GpuMetricsAddedLater { get; } = ["jain_gpu_time_windowed", "jain_energy_windowed"];

    /// <summary>True when the runs are GPU runs.</summary>
    public bool IsGpu { get; }

    /// <summary>This comparison's metrics: <see cref="GpuMetricNames"/> for GPU runs, else <see cref="MetricNames"/>.</summary>
    public IReadOnlyList<string> Metrics => IsGpu ? GpuMetricNames : MetricNames;

    public IReadOnlyList<RunSummary> Runs { get; }

    public int Baseline { get; }

    /// <summary>The run's metric over the baseline's; NaN when the baseline's is 0, or either is NaN (null in its summary).</summary>
    public double Ratio(int run, string metric)
    {
        var baseline = Runs[Baseline].Metrics[metric];
        return baseline == 0 ? double.NaN : Runs[run].Metrics[metric] / baseline;
    }
}
