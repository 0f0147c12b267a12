namespace Augur.Simulation.Gpu;

/// <summary>How a GPU simulation models the machine beyond its nodes.</summary>
public sealed record GpuSimulationOptions
{
    /// <summary>
    /// The default cross-node slowdown: 1.25, a modelling choice rather than a measurement. Gangs that
    /// exchange gradients over the network instead of within a server run slower; how much depends on the
    /// model (communication-heavy networks far more than compute-bound ones), and a trace does not say which
    /// model a job trains.
    /// </summary>
    public const double DefaultSpreadSlowdown = 1.25;

    public static GpuSimulationOptions Default { get; } = new();

    /// <summary>
    /// A gang placed on more nodes than it needs (more than ceil(GPUs / GPUs of the largest node)) runs this
    /// many times longer than its trace run time. 1 turns the effect off.
    /// </summary>
    public double SpreadSlowdown { get; init; } = DefaultSpreadSlowdown;
}
