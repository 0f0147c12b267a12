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

    public bool Lenient { get; init; }

    /// <summary>openb: the GPU nodes file (default: the pods file's sibling).</summary>
    public string? NodesFile { get; init; }

    public required string OutputDirectory { get; init; }

    public bool Quiet { get; init; }
}
