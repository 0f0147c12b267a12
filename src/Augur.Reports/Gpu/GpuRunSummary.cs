namespace Augur.Reports.Gpu;

/// <summary>What a GPU run's report reads from its summary.json (docs/outputs.md, GPU runs).</summary>
/// <param name="Folder">The run folder as given.</param>
/// <param name="Label">The folder's name.</param>
/// <param name="Trace">The trace as the user named it.</param>
/// <param name="Policy">The policy id.</param>
/// <param name="Placement">The placement id.</param>
/// <param name="Gpus">The cluster's GPUs.</param>
public sealed record GpuRunSummary(string Folder, string Label, string Trace, string Policy, string Placement, int Gpus)
{
    /// <summary>The reader's id (trace/philly-pollux, trace/alibaba-openb).</summary>
    public string Format { get; init; } = string.Empty;

    /// <summary>The predictor id, or null when the run had none.</summary>
    public string? Predictor { get; init; }

    public bool Oracle { get; init; }

    public string ClusterName { get; init; } = string.Empty;

    public int Nodes { get; init; }

    public int Jobs { get; init; }

    public int NeverStarted { get; init; }

    public int NeverFinished { get; init; }

    /// <summary>The options that shaped the run (load, sizing), in the file's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options { get; init; } = [];

    /// <summary>Every metric, in the file's order; NaN for one the file has as null (a Jain index nobody had a share of).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Metrics { get; init; } = [];

    /// <summary>GPU time and energy per user, in the file's order; empty when the file has no <c>users</c>.</summary>
    public IReadOnlyList<GpuUserUsage> Users { get; init; } = [];
}
