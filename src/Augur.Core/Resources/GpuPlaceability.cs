using System.Globalization;
using Augur.Core.Clusters;

namespace Augur.Core.Resources;

/// <summary>
/// Whether a request could be placed on a cluster at all, with every node idle. A request that could not would
/// wait forever (Kubernetes keeps such a pod Pending) and, under a blocking queue, hold every job behind it: a
/// simulation should refuse it up front, naming it, rather than run without end or finish with it unstarted.
/// </summary>
public static class GpuPlaceability
{
    /// <summary>The GPUs of <paramref name="cluster"/>'s nodes of a model in <paramref name="models"/> (all its GPUs when null).</summary>
    public static int AcceptedGpus(GpuClusterSpec cluster, GpuModelSet? models)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (models is null)
        {
            return cluster.TotalGpus;
        }

        var total = 0;
        for (var node = 0; node < cluster.Nodes.Count; node++)
        {
            total += models.Accepts(cluster, cluster.ModelIdOfNode(node)) ? cluster.Nodes[node].Gpus : 0;
        }

        return total;
    }

    /// <summary>
    /// Why <paramref name="request"/> could never be placed on <paramref name="cluster"/>, or null when it could. A job
    /// without GPUs needs one node with its CPU and memory. A GPU job needs its GPUs on nodes of a model it accepts,
    /// each node carrying the share of the job's CPU and memory that placement charges it (in proportion to the
    /// job's GPUs it hosts, <see cref="GpuClusterState.ShareOf"/>).
    /// </summary>
    public static string? WhyNever(GpuClusterSpec cluster, in GpuRequest request)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var invariant = CultureInfo.InvariantCulture;
        if (request.Gpus == 0)
        {
            foreach (var node in cluster.Nodes)
            {
                if (request.CpuMilli <= node.CpuMilli && request.MemoryMebibytes <= node.MemoryMebibytes)
                {
                    return null;
                }
            }

            return string.Create(invariant, $"no node has {request.CpuMilli} CPU milli-cores and {request.MemoryMebibytes} MiB of memory");
        }

        long hostable = 0;
        long accepted = 0;
        for (var index = 0; index < cluster.Nodes.Count; index++)
        {
            var node = cluster.Nodes[index];
            if (node.Gpus == 0 || (request.Models is { } models && !models.Accepts(cluster, cluster.ModelIdOfNode(index))))
            {
                continue;
            }

            accepted += node.Gpus;

            // The most of the job's GPUs this node can take together with their share of CPU and memory.
            var gpus = Math.Min(node.Gpus, request.Gpus);
            while (gpus > 0
                && (GpuClusterState.ShareOf(request.CpuMilli, gpus, request.Gpus) > node.CpuMilli
                    || GpuClusterState.ShareOf(request.MemoryMebibytes, gpus, request.Gpus) > node.MemoryMebibytes))
            {
                gpus--;
            }

            hostable += gpus;
            if (hostable >= request.Gpus)
            {
                return null;
            }
        }

        var where = request.Models is null ? "nodes" : $"nodes of the models it accepts ({request.Models})";
        if (accepted < request.Gpus)
        {
            return string.Create(invariant, $"the {where} have {accepted} GPUs, fewer than its {request.Gpus}");
        }

        return string.Create(invariant, $"the {where} can host at most {hostable} of its {request.Gpus} GPUs with their share of its {request.CpuMilli} CPU milli-cores and {request.MemoryMebibytes} MiB of memory");
    }
}
