using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;

namespace Augur.Traces.Gpu;

/// <summary>
/// Turns openb pods into a GPU workload and openb nodes into a cluster. A pod's submission is its creation
/// time and its true run time the time it held its resources (deletion minus scheduled time); its request
/// keeps its CPU, memory, GPUs or GPU share and the models it accepts; its group is its QoS class. Pending pods
/// never ran, so they have no run time: they are left out and counted. A GPU pod that accepts only models the
/// cluster has no node of, or whose CPU or memory no node (of an accepted model) could host even idle, could never
/// run (Kubernetes would keep it Pending forever): given the cluster, strict mode refuses the workload naming the
/// pod's line and field, lenient mode leaves the pod out and counts it.
/// </summary>
public static class OpenbWorkload
{
    public const string PendingReason = "pending pod: never scheduled, no run time";

    public const string UnplaceableReason = "field 6 (gpu_spec): no node of an accepted model";

    /// <param name="trace">The pods.</param>
    /// <param name="leftOut">Receives the pods left out, by reason.</param>
    public static GpuWorkload From(GpuTrace<OpenbPod> trace, SkippedRecords leftOut) => From(trace, leftOut, null, lenient: false);

    /// <param name="trace">The pods.</param>
    /// <param name="leftOut">Receives the pods left out, by reason.</param>
    /// <param name="cluster">The cluster the pods will run on, to check that each GPU pod has a node of a model it accepts; null to skip the check.</param>
    /// <param name="lenient">Leave out and count a pod no node can host instead of refusing the workload.</param>
    /// <exception cref="TraceFormatException">Strict mode: a GPU pod accepts only models the cluster lacks.</exception>
    public static GpuWorkload From(GpuTrace<OpenbPod> trace, SkippedRecords leftOut, GpuClusterSpec? cluster, bool lenient)
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
            else if (cluster is not null && NoAcceptedNode(pod, cluster) is { } missing)
            {
                if (!lenient)
                {
                    throw new TraceFormatException(
                        trace.DisplayName, pod.Line, 6, "gpu_spec", $"no node of an accepted model: the cluster has no {missing} GPUs (its models are {string.Join(", ", cluster.Models)})");
                }

                leftOut.Add(UnplaceableReason, $"{trace.DisplayName}:{pod.Line}");
            }
            else if (cluster is not null && TooLargeForEveryNode(pod, cluster) is { } tooLarge)
            {
                if (!lenient)
                {
                    throw new TraceFormatException(trace.DisplayName, pod.Line, tooLarge.Field, tooLarge.Name, $"no node can host it: {tooLarge.Reason}");
                }

                leftOut.Add($"field {tooLarge.Field} ({tooLarge.Name}): no node can host it", $"{trace.DisplayName}:{pod.Line}");
            }
            else
            {
                pods.Add(pod);
            }
        }

        // Stable: pods created at the same second keep file order.
        var ordered = pods.OrderBy(p => p.CreationSeconds).ToList();
        var jobs = new List<GpuWorkloadJob>(ordered.Count);

        // One instance per distinct set: each set keeps its table of accepted model ids per cluster, so a handful of
        // tables serve the whole workload instead of one per pod.
        var sets = new Dictionary<GpuModelSet, GpuModelSet>();
        foreach (var pod in ordered)
        {
            var models = pod.AcceptedModels;
            if (models is not null && !sets.TryAdd(models, models))
            {
                models = sets[models];
            }

            var resources = new GpuRequest(pod.Gpus, pod.GpuMilli, pod.CpuMilli, pod.MemoryMebibytes, models);
            var request = new GpuJobRequest(jobs.Count, pod.Name, Instant.FromSeconds(pod.CreationSeconds), resources, pod.Qos);
            jobs.Add(new GpuWorkloadJob(request, Duration.FromSeconds(pod.RunSeconds!.Value)));
        }

        return new GpuWorkload(trace.DisplayName, jobs);
    }

    /// <summary>The cluster the nodes describe, in file order (CPU-only nodes included).</summary>
    /// <exception cref="TraceFormatException">No node has a GPU.</exception>
    public static GpuClusterSpec Cluster(GpuTrace<OpenbNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Records.All(n => n.Gpus == 0))
        {
            throw new TraceFormatException(nodes.DisplayName, 0, 0, null, "no node has a GPU: a GPU run needs at least one");
        }

        var specs = nodes.Records.Select(n => new GpuNodeSpec(n.Name, n.Gpus, n.GpuModel, n.CpuMilli, n.MemoryMebibytes)).ToList();
        return new GpuClusterSpec(nodes.DisplayName, specs);
    }

    /// <summary>
    /// Why no node of <paramref name="cluster"/>, idle, could host <paramref name="pod"/>'s CPU or memory (with its GPUs),
    /// naming the field to blame: CPU (field 2) when the pod could not be placed even without its memory, else memory
    /// (field 3); null when it could be placed, or when its GPUs alone are too many (a GPU count, not a CPU or memory, problem).
    /// </summary>
    private static (int Field, string Name, string Reason)? TooLargeForEveryNode(OpenbPod pod, GpuClusterSpec cluster)
    {
        var request = new GpuRequest(pod.Gpus, pod.GpuMilli, pod.CpuMilli, pod.MemoryMebibytes, pod.AcceptedModels);
        if (GpuPlaceability.WhyNever(cluster, request) is not { } reason)
        {
            return null;
        }

        // Too few GPUs of its models even without CPU or memory: the simulator's GPU count check refuses that (exit 2).
        if (GpuPlaceability.WhyNever(cluster, new GpuRequest(pod.Gpus, pod.GpuMilli, 0, 0, pod.AcceptedModels)) is not null)
        {
            return null;
        }

        var withoutMemory = new GpuRequest(pod.Gpus, pod.GpuMilli, pod.CpuMilli, 0, pod.AcceptedModels);
        return GpuPlaceability.WhyNever(cluster, withoutMemory) is null ? (3, "memory_mib", reason) : (2, "cpu_milli", reason);
    }

    /// <summary>The accepted models, joined by " or ", when <paramref name="pod"/> asks for GPUs and no node of <paramref name="cluster"/> has any of them; else null.</summary>
    private static string? NoAcceptedNode(OpenbPod pod, GpuClusterSpec cluster)
    {
        if (pod.Gpus == 0 || pod.AcceptedModels is not { } accepted)
        {
            return null;
        }

        var missing = accepted.MissingFrom(cluster);
        return missing.Count == accepted.Models.Count ? string.Join(" or ", missing) : null;
    }
}
