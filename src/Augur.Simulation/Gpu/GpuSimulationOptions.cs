using Augur.Core.Clusters;
using Augur.Core.Time;

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

    /// <summary>
    /// The default time a preempted job spends restoring its checkpoint when it resumes: 30 s, a modelling
    /// choice (saving and reloading a model's parameters and optimizer state takes seconds to minutes).
    /// </summary>
    public static readonly Duration DefaultCheckpointRestore = Duration.FromSeconds(30);

    /// <summary>
    /// The default length of a fairness window: one hour, long enough for several jobs to start and end in it, short
    /// enough that who is served first still shows (docs/gpu.md, "Fairness over windows of contention").
    /// </summary>
    public static readonly Duration DefaultFairnessWindow = Duration.FromHours(1);

    public static GpuSimulationOptions Default { get; } = new();

    /// <summary>Added to a preempted job's run each time it resumes: the job holds its GPUs but makes no progress.</summary>
    public Duration CheckpointRestore { get; init; } = DefaultCheckpointRestore;

    /// <summary>
    /// A gang placed on more nodes than it needs (more than ceil(GPUs / GPUs of the largest node)) runs this
    /// many times longer than its trace run time. 1 turns the effect off.
    /// </summary>
    public double SpreadSlowdown { get; init; } = DefaultSpreadSlowdown;

    /// <summary>The length of the windows the run is cut into for <see cref="GpuWindowedFairness"/>; positive.</summary>
    public Duration FairnessWindow { get; init; } = DefaultFairnessWindow;

    /// <summary>Idle and full-load watts per GPU model: what energy is measured with (docs/gpu.md, "Energy").</summary>
    public GpuPowerModel Power { get; init; } = GpuPowerModel.Default;
}
