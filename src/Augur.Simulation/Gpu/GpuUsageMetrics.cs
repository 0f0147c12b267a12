namespace Augur.Simulation.Gpu;

/// <summary>
/// How a GPU run used the cluster (docs/outputs.md): time-weighted means over the timeline's window (first to
/// last decision) of the GPUs held and of the GPUs fragmented for the waiting jobs; energy in joules, in total
/// (every GPU, idle or not, over the window), charged to jobs and drawn for nobody (idle capacity); and per
/// user (a job's group) the GPU-seconds held and joules charged, with Jain's index of each across users. Users
/// are every group of the workload, in ordinal order, including those whose jobs never ran. Those indices are over
/// whole-run totals; <see cref="Windowed"/> has them over windows of contention.
/// </summary>
public sealed record GpuUsageMetrics(
    double WindowSeconds,
    double AllocatedGpusMean,
    double Utilization,
    double FragmentedGpusMean,
    double FragmentationRatio,
    double EnergyTotalJoules,
    double EnergyJobsJoules,
    double EnergyUnheldIdleJoules,
    IReadOnlyList<string> Users,
    IReadOnlyList<double> GpuSecondsByUser,
    IReadOnlyList<double> EnergyJoulesByUser,
    double JainGpuTime,
    double JainEnergy)
{
    /// <summary>Jain's indices over windows of the run, among the users contending in each (<see cref="GpuWindowedFairness"/>).</summary>
    public required GpuWindowedFairness Windowed { get; init; }

    public static GpuUsageMetrics Compute(GpuSimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var timeline = result.Timeline;
        var jobs = result.Workload.Jobs;
        var users = jobs.Select(j => j.Request.Group).Distinct().Order(StringComparer.Ordinal).ToArray();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var u = 0; u < users.Length; u++)
        {
            indexOf[users[u]] = u;
        }

        var gpuSeconds = new double[users.Length];
        var energy = new double[users.Length];
        var jobsEnergy = 0.0;
        for (var i = 0; i < jobs.Count; i++)
        {
            var user = indexOf[jobs[i].Request.Group];
            gpuSeconds[user] += result.HeldGpuSeconds[i];
            energy[user] += result.EnergyJoules[i];
            jobsEnergy += result.EnergyJoules[i];
        }

        var allocated = timeline.MeanAllocatedGpus;
        var fragmented = timeline.MeanFragmentedGpus;
        var free = result.Cluster.TotalGpus - allocated;
        return new GpuUsageMetrics(
            timeline.Window.TotalSeconds,
            allocated,
            allocated / result.Cluster.TotalGpus,
            fragmented,
            free > 0 ? fragmented / free : 0,
            timeline.EnergyJoules,
            jobsEnergy,
            timeline.UnheldIdleEnergyJoules,
            users,
            gpuSeconds,
            energy,
            JainIndex.Of(gpuSeconds),
            JainIndex.Of(energy))
        {
            Windowed = result.WindowedFairness,
        };
    }
}
