using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;

namespace Augur.Traces.Gpu;

/// <summary>
/// Turns openb pods into a GPU workload and openb nodes into a cluster. A pod's submission is its creation
/// time and its true run time the time it held its resources (deletion minus scheduled time); its request
/// keeps its CPU, memory, GPUs or GPU share and model; its group is its QoS class. Pending pods never ran,
/// so they have no run time: they are left out and counted.
/// </summary>
public static class OpenbWorkload
{
    public const string PendingReason = "pending pod: never scheduled, no run time";

    /// <param name="trace">The pods.</param>
    /// <param name="leftOut">Receives the pods left out, by reason.</param>
    public static GpuWorkload From(GpuTrace<OpenbPod> trace, SkippedRecords leftOut)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(leftOut);
        var pods = new List<OpenbPod>(trace.Records.Count);
        foreach (var pod in trace.Records)
        {
            if (pod.RunSeconds is null)
            {
                leftOut.Add(PendingReason, $"{trace.DisplayName}:{pod.Line}");
            }
            else
            {
                pods.Add(pod);
            }
        }

        // Stable: pods created at the same second keep file order.
        var ordered = pods.OrderBy(p => p.CreationSeconds).ToList();
        var jobs = new List<GpuWorkloadJob>(ordered.Count);
        foreach (var pod in ordered)
        {
            var resources = new GpuRequest(pod.Gpus, pod.GpuMilli, pod.CpuMilli, pod.MemoryMebibytes, pod.GpuModel);
            var request = new GpuJobRequest(jobs.Count, pod.Name, Instant.FromSeconds(pod.CreationSeconds), resources, pod.Qos);
            jobs.Add(new GpuWorkloadJob(request, Duration.FromSeconds(pod.RunSeconds!.Value)));
        }

        return new GpuWorkload(trace.DisplayName, jobs);
    }

    /// <summary>The cluster the nodes describe, in file order.</summary>
    public static GpuClusterSpec Cluster(GpuTrace<OpenbNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var specs = nodes.Records.Select(n => new GpuNodeSpec(n.Name, n.Gpus, n.GpuModel, n.CpuMilli, n.MemoryMebibytes)).ToList();
        return new GpuClusterSpec(nodes.DisplayName, specs);
    }
}
