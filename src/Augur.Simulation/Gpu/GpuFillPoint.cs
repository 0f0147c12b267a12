namespace Augur.Simulation.Gpu;

/// <summary>
/// The cluster in a fill experiment once <paramref name="AskedPercent"/> % of its GPUs had been asked for: GPUs
/// allocated, GPUs free, and GPUs fragmented under the workload's mix (free GPUs the workload's typical job
/// cannot use, in expectation).
/// </summary>
public sealed record GpuFillPoint(double AskedPercent, double AllocatedGpus, double FreeGpus, double FragmentedGpus);
