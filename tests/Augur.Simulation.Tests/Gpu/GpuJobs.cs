using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;

namespace Augur.Simulation.Tests.Gpu;

/// <summary>Builds small GPU workloads: (submit s, GPUs or a share, run s), in submission order.</summary>
internal static class GpuJobs
{
    public static GpuWorkload Whole(params (int Submit, int Gpus, int Run)[] jobs) =>
        Of(jobs.Select(j => (j.Submit, GpuRequest.Whole(j.Gpus), j.Run)).ToArray());

    public static GpuWorkload Of(params (int Submit, GpuRequest Resources, int Run)[] jobs)
    {
        var list = new List<GpuWorkloadJob>();
        for (var i = 0; i < jobs.Length; i++)
        {
            var request = new GpuJobRequest(i, $"j{i}", Instant.FromSeconds(jobs[i].Submit), jobs[i].Resources, "vc");
            list.Add(new GpuWorkloadJob(request, Duration.FromSeconds(jobs[i].Run)));
        }

        return new GpuWorkload("test", list);
    }

    /// <summary>Each job's true run time in microseconds: the clairvoyant predictor's answers.</summary>
    public static long[] Clairvoyant(GpuWorkload workload) => workload.Jobs.Select(j => j.RunTime.Microseconds).ToArray();
}
