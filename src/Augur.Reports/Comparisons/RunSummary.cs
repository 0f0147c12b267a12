namespace Augur.Reports.Comparisons;

/// <summary>What <c>augur compare</c> reads from one run folder's summary.json.</summary>
/// <param name="Folder">The run folder as given.</param>
/// <param name="Label">How the run is named in a comparison: the folder's name.</param>
/// <param name="Trace">The trace the run replayed.</param>
/// <param name="Policy">The policy id.</param>
/// <param name="Predictor">The predictor id, or null when the run planned with requested times.</param>
/// <param name="Oracle">True when the run's predictor was handed the truth.</param>
/// <param name="Metrics">The metrics of <see cref="RunComparison.MetricNames"/> (a GPU run's: of <see cref="RunComparison.GpuMetricNames"/>; NaN where its summary has null), by name.</param>
public sealed record RunSummary(string Folder, string Label, string Trace, string Policy, string? Predictor, bool Oracle, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The simulated machine's processors (summary.json's cluster.processors).</summary>
    public int Processors { get; init; }

    /// <summary>The queue order id (order/fcfs when the summary names none).</summary>
    public string Order { get; init; } = "order/fcfs";

    /// <summary>A GPU run's placement id; null for a batch run.</summary>
    public string? Placement { get; init; }

    /// <summary>True for a GPU run (its summary names a placement), whose metrics are JCT, queueing delay and GPU usage.</summary>
    public bool IsGpu => Placement is not null;
}
