using Augur.Core.Time;

namespace Augur.Simulation.Gpu;

/// <summary>
/// Fairness while users contend (docs/gpu.md, "Fairness over windows of contention"): the run is cut into
/// consecutive windows of <paramref name="Window"/> from its first submission; in each window the contending users
/// are those with a job waiting (submitted and not running, preempted ones included) for some time of positive
/// length inside it, and where at least two contend, Jain's index is taken over them of the GPU-seconds each held
/// in the window, and of the joules each was charged in it. The run's figures are the plain means of those indices.
/// </summary>
/// <param name="Window">The length of a window.</param>
/// <param name="Windows">Windows with a GPU-time index: two or more users contended and at least one of them held a GPU.</param>
/// <param name="JainGpuTime">The mean of the windows' GPU-time indices; NaN when no window has one.</param>
/// <param name="EnergyWindows">Windows with an energy index (the same windows unless the GPUs held drew no power).</param>
/// <param name="JainEnergy">The mean of the windows' energy indices; NaN when no window has one.</param>
public sealed record GpuWindowedFairness(Duration Window, int Windows, double JainGpuTime, int EnergyWindows, double JainEnergy);
