using Augur.Core.Time;

namespace Augur.Simulation.Gpu;

/// <summary>One interval of a GPU run's series: time-weighted means of the GPUs held, the GPUs fragmented for the waiting jobs, and the cluster's power.</summary>
public readonly record struct GpuTimelineInterval(Instant Start, Instant End, double AllocatedGpus, double FragmentedGpus, double Watts);
