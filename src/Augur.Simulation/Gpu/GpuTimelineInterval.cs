using Augur.Core.Time;

namespace Augur.Simulation.Gpu;

/// <summary>
/// One interval of a GPU run's series: time-weighted means of the GPUs held, the GPUs fragmented for the waiting
/// jobs, the cluster's power and the jobs waiting; and the preemptions at instants in [Start, End) (the last
/// interval also counts those at its End, the run's last decision).
/// </summary>
public readonly record struct GpuTimelineInterval(Instant Start, Instant End, double AllocatedGpus, double FragmentedGpus, double Watts, double WaitingJobs = 0, long Preemptions = 0);
