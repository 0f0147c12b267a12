namespace Augur.Core.Clusters;

/// <summary>A GPU cluster: its nodes, in a fixed order (node numbers are positions in <see cref="Nodes"/>).</summary>
public sealed class GpuClusterSpec
{
    /// <summary>The default node size when a cluster is built from a GPU count: 8 GPUs, as in Philly's large servers and DGX machines.</summary>
    public const int DefaultGpusPerNode = 8;

    /// <summary>The GPU model of clusters built from a count, which say nothing of models.</summary>
    public const string GenericModel = "gpu";

    private readonly int[] modelIdOfNode;

    public GpuClusterSpec(string name, IReadOnlyList<GpuNodeSpec> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0)
        {
            throw new ArgumentException("A GPU cluster needs at least one node.", nameof(nodes));
        }

        Name = name;
        Nodes = nodes;
        var total = 0;
        var largest = 0;
        var models = new List<string>();
        modelIdOfNode = new int[nodes.Count];
        for (var index = 0; index < nodes.Count; index++)
        {
            var node = nodes[index];
            total = checked(total + node.Gpus);
            largest = Math.Max(largest, node.Gpus);
            var id = -1;
            if (node.Gpus > 0)
            {
                id = models.IndexOf(node.GpuModel);
                if (id < 0)
                {
                    id = models.Count;
                    models.Add(node.GpuModel);
                }
            }

            modelIdOfNode[index] = id;
        }

        if (total == 0)
        {
            throw new ArgumentException("A GPU cluster needs at least one GPU.", nameof(nodes));
        }

        Models = models.AsReadOnly();

        TotalGpus = total;
        LargestNodeGpus = largest;
    }

    public string Name { get; }

    public IReadOnlyList<GpuNodeSpec> Nodes { get; }

    public int TotalGpus { get; }

    /// <summary>The GPU models of the nodes with GPUs, each once, in order of first appearance: model id i is <c>Models[i]</c>.</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>The id of <paramref name="node"/>'s GPU model, or -1 for a node without GPUs.</summary>
    public int ModelIdOfNode(int node) => modelIdOfNode[node];

    /// <summary>The id of GPU model <paramref name="model"/>, or -1 when no node with GPUs has it.</summary>
    public int ModelIdOf(string model)
    {
        for (var id = 0; id < Models.Count; id++)
        {
            if (string.Equals(Models[id], model, StringComparison.Ordinal))
            {
                return id;
            }
        }

        return -1;
    }

    /// <summary>GPUs on the largest node: a gang larger than this must span nodes whatever the placement.</summary>
    public int LargestNodeGpus { get; }

    /// <summary>
    /// <paramref name="gpus"/> GPUs of one generic model on nodes of <paramref name="gpusPerNode"/> (the last
    /// node holds the remainder), with unbounded CPU and memory.
    /// </summary>
    public static GpuClusterSpec FromGpuCount(int gpus, int gpusPerNode = DefaultGpusPerNode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gpus, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(gpusPerNode, 1);
        var nodes = new List<GpuNodeSpec>((gpus + gpusPerNode - 1) / gpusPerNode);
        for (var remaining = gpus; remaining > 0; remaining -= gpusPerNode)
        {
            nodes.Add(new GpuNodeSpec($"node-{nodes.Count:D4}", Math.Min(gpusPerNode, remaining), GenericModel));
        }

        return new GpuClusterSpec($"{gpus} GPUs ({gpusPerNode} per node)", nodes);
    }
}
