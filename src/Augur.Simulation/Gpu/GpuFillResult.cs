using Augur.Core.Clusters;

namespace Augur.Simulation.Gpu;

/// <summary>
/// The outcome of a fill experiment (<see cref="GpuFillSimulation"/>): jobs arrived and placed, GPUs asked and
/// placed (shares in proportion), the GPUs asked before the first job failed (null if none did), the cluster
/// at the end and after each step.
/// </summary>
public sealed record GpuFillResult(
    GpuClusterSpec Cluster,
    string PlacementId,
    double Target,
    int Arrived,
    int Placed,
    double AskedGpus,
    double PlacedGpus,
    double? AskedGpusAtFirstFailure,
    GpuFillPoint End,
    IReadOnlyList<GpuFillPoint> Points)
{
    /// <summary>GPUs placed over GPUs asked: the share of the workload the cluster took.</summary>
    public double PlacedFraction => AskedGpus > 0 ? PlacedGpus / AskedGpus : 0;
}
