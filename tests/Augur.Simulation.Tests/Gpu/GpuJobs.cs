using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Testing;

namespace Augur.Simulation.Tests.Gpu;

/// <summary>Builds small GPU workloads: (submit s, GPUs or a share, run s), in submission order (see <see cref="GpuWorkloadBuilder"/>).</summary>
internal static class GpuJobs
{
    public static GpuWorkload Whole(params (int Submit, int Gpus, int Run)[] jobs) => GpuWorkloadBuilder.Whole(jobs);

    public static GpuWorkload Of(params (int Submit, GpuRequest Resources, int Run)[] jobs) =>
        GpuWorkloadBuilder.Of([.. jobs.Select(j => (j.Submit, j.Resources, j.Run, "vc"))]);

    /// <summary>Each job's true run time in microseconds: the clairvoyant predictor's answers.</summary>
    public static long[] Clairvoyant(GpuWorkload workload) => GpuWorkloadBuilder.Clairvoyant(workload);
}
