namespace Augur.Service.Executors.Slurm;

/// <summary>
/// Chooses the nodes a job is pinned to: the first node (in the cluster's order) with room for the whole job;
/// if none has, CPUs from the nodes in order, first fit, over as few nodes as that gives.
/// </summary>
public static class NodePacker
{
    /// <summary>The shares for <paramref name="cpus"/> CPUs, or null when the free CPUs do not add up to them.</summary>
    public static IReadOnlyList<NodeShare>? Pack(IReadOnlyList<int> freeCpus, int cpus)
    {
        ArgumentNullException.ThrowIfNull(freeCpus);
        ArgumentOutOfRangeException.ThrowIfLessThan(cpus, 1);
        for (var node = 0; node < freeCpus.Count; node++)
        {
            if (freeCpus[node] >= cpus)
            {
                return [new NodeShare(node, cpus)];
            }
        }

        var shares = new List<NodeShare>();
        var left = cpus;
        for (var node = 0; node < freeCpus.Count && left > 0; node++)
        {
            var take = Math.Min(freeCpus[node], left);
            if (take > 0)
            {
                shares.Add(new NodeShare(node, take));
                left -= take;
            }
        }

        return left == 0 ? shares : null;
    }
}
