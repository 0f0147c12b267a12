using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;

namespace Augur.Testing;

/// <summary>Builds small GPU workloads from (submit s, resources, run s, group) tuples, in submission order; job i is named "j{i}".</summary>
public static class GpuWorkloadBuilder
{
    /// <summary>Jobs of whole GPUs, all in group "vc".</summary>
    public static GpuWorkload Whole(params (int Submit, int Gpus, int Run)[] jobs) =>
        Of([.. jobs.Select(j => (j.Submit, GpuRequest.Whole(j.Gpus), j.Run, "vc"))]);

    public static GpuWorkload Of(params (int Submit, GpuRequest Resources, int Run, string Group)[] jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var list = new List<GpuWorkloadJob>();
        for (var i = 0; i < jobs.Length; i++)
        {
            var request = new GpuJobRequest(i, $"j{i}", Instant.FromSeconds(jobs[i].Submit), jobs[i].Resources, jobs[i].Group);
            list.Add(new GpuWorkloadJob(request, Duration.FromSeconds(jobs[i].Run)));
        }

        return new GpuWorkload("test", list);
    }

    /// <summary>Each job's true run time in microseconds: the clairvoyant predictor's answers.</summary>
    public static long[] Clairvoyant(GpuWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return [.. workload.Jobs.Select(j => j.RunTime.Microseconds)];
    }
}
