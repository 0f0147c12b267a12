using Augur.Simulation.Gpu;

namespace Augur.Cli.Sweeps;

/// <summary>
/// The fixed options of a GPU sweep (<c>options:</c> in docs/sweep.md): the cluster when it is not sized by a
/// load, and the machine model. Each is the <c>augur simulate</c> option of the same name and meaning.
/// </summary>
public sealed record GpuSweepOptions
{
    /// <summary><c>--gpus</c>: a cluster of this many GPUs instead of one sized by a load.</summary>
    public int? Gpus { get; init; }

    /// <summary><c>--gpus-per-node</c>, for clusters sized by a load or <see cref="Gpus"/>.</summary>
    public int GpusPerNode { get; init; } = 8;

    /// <summary><c>--nodes</c>: the GPU nodes file (absolute; the sweep file gives it relative to itself).</summary>
    public string? NodesFile { get; init; }

    /// <summary><c>--spread-slowdown</c>.</summary>
    public double SpreadSlowdown { get; init; } = GpuSimulationOptions.DefaultSpreadSlowdown;

    /// <summary><c>--promote-knob</c>, given to the gpu/tiresias runs only.</summary>
    public double? PromoteKnob { get; init; }

    /// <summary><c>--energy-weight</c>, given to the gpu/etf runs only.</summary>
    public double? EnergyWeight { get; init; }

    /// <summary><c>--power MODEL=IDLE:MAX</c> values, as written (checked when the file is read).</summary>
    public IReadOnlyList<string> Power { get; init; } = [];
}
