using Augur.Core.Clusters;

namespace Augur.Cli.Running;

/// <summary>One GPU simulation as the command line asked for it.</summary>
public sealed record GpuRunRequest
{
    public required string Trace { get; init; }

    public required string Format { get; init; }

    public required string PolicyId { get; init; }

    public required string PlacementId { get; init; }

    public string? PredictorId { get; init; }

    /// <summary>Size the cluster for this offered load (GPU-seconds asked over GPUs times the submission span).</summary>
    public double? Load { get; init; }

    /// <summary>A fixed number of GPUs.</summary>
    public int? Gpus { get; init; }

    public int GpusPerNode { get; init; } = 8;

    public double SpreadSlowdown { get; init; } = 1.25;

    /// <summary>gpu/tiresias's starvation guard: promote after waiting this many times the executed time; null: the default (off).</summary>
    public double? PromoteKnob { get; init; }

    /// <summary>Watts per GPU model: the defaults with the --power overrides.</summary>
    public GpuPowerModel Power { get; init; } = GpuPowerModel.Default;

    /// <summary>gpu/etf: the weight of energy against GPU time in a user's charge (null: the policy's default).</summary>
    public double? EnergyWeight { get; init; }

    /// <summary>Run the fill experiment until this many times the cluster's GPUs were asked, instead of a schedule.</summary>
    public double? Fill { get; init; }

    /// <summary>The length in seconds of the windows of the windowed Jain indices (null: the default, an hour).</summary>
    public int? FairnessWindowSeconds { get; init; }

    public bool Lenient { get; init; }

    /// <summary>The first N jobs only teach the predictor (a site's history) and are not simulated; null: none.</summary>
    public int? HistoryJobs { get; init; }

    /// <summary>openb: the GPU nodes file (default: the pods file's sibling).</summary>
    public string? NodesFile { get; init; }

    public required string OutputDirectory { get; init; }

    public bool Quiet { get; init; }
}
