using Augur.Service.Driver;

namespace Augur.Service.Executors.Slurm;

/// <summary>
/// The cluster model of executor/slurm, read once at start: the usable nodes of one partition (from
/// <c>scontrol show nodes -o</c>; the default partition from <c>sinfo</c> unless one is named). Their CPUs add up
/// to the policy's processors, their memory and GPUs to what a job may ask for.
/// </summary>
public sealed record SlurmCluster(string Partition, IReadOnlyList<SlurmNode> Nodes)
{
    public MachineResources Machine => new(Nodes.Sum(node => node.Cpus), Nodes.Sum(node => node.MemoryMegabytes), Nodes.Sum(node => node.Gpus));

    /// <summary>Asks Slurm; throws <see cref="SlurmClusterException"/> with the reason when it cannot be used.</summary>
    public static SlurmCluster Read(SlurmClient client, string? partition)
    {
        ArgumentNullException.ThrowIfNull(client);
        var nodesResult = client.Run("scontrol", ["show", "nodes", "-o"]);
        if (!nodesResult.Succeeded)
        {
            throw new SlurmClusterException($"cannot read Slurm's nodes: {nodesResult.Describe()} (SLURM_CONF={client.ConfigurationPath ?? "not set"})");
        }

        if (partition is null)
        {
            var sinfo = client.Run("sinfo", ["-h", "-o", "%P"]);
            if (!sinfo.Succeeded)
            {
                throw new SlurmClusterException($"cannot read Slurm's partitions: {sinfo.Describe()}");
            }

            partition = SlurmNodeParser.DefaultPartition(sinfo.Output)
                ?? throw new SlurmClusterException("Slurm has no default partition; name one with --slurm-partition");
        }

        return FromNodes(partition, SlurmNodeParser.Parse(nodesResult.Output));
    }

    /// <summary>The usable nodes of <paramref name="partition"/>, or a clear error when there are none.</summary>
    public static SlurmCluster FromNodes(string partition, IReadOnlyList<SlurmNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(nodes);
        var members = nodes.Where(node => node.Partitions.Contains(partition, StringComparer.Ordinal)).ToList();
        if (members.Count == 0)
        {
            var known = nodes.SelectMany(node => node.Partitions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            throw new SlurmClusterException($"Slurm partition '{partition}' has no nodes (partitions: {string.Join(", ", known)})");
        }

        var usable = members.Where(node => node.IsUsable).ToList();
        if (usable.Count == 0)
        {
            throw new SlurmClusterException($"no node of Slurm partition '{partition}' can run jobs ({string.Join(", ", members.Select(node => $"{node.Name} is {node.State}"))})");
        }

        return new SlurmCluster(partition, usable);
    }
}
