using Augur.Core.Clusters;

namespace Augur.Core.Tests.Clusters;

public sealed class GpuClusterSpecTests
{
    [Fact]
    public void FromGpuCount_NotAMultipleOfTheNodeSize_LastNodeHoldsTheRemainder()
    {
        // 20 GPUs on nodes of 8: 8 + 8 + 4.
        var cluster = GpuClusterSpec.FromGpuCount(20, 8);

        Assert.Equal([8, 8, 4], cluster.Nodes.Select(n => n.Gpus));
        Assert.Equal(20, cluster.TotalGpus);
        Assert.Equal(8, cluster.LargestNodeGpus);
        Assert.Equal("node-0002", cluster.Nodes[2].Name);
    }

    [Fact]
    public void Constructor_NoNodes_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GpuClusterSpec("empty", []));
    }

    [Fact]
    public void Constructor_OnlyCpuNodes_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new GpuClusterSpec("cpu", [new GpuNodeSpec("cpu", 0, string.Empty)]));

        Assert.StartsWith("A GPU cluster needs at least one GPU.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NodeSpec_GpusWithoutAModel_ThrowsAndACpuOnlyNodeMayHaveNone()
    {
        Assert.Throws<ArgumentException>(() => new GpuNodeSpec("n", 2, string.Empty));
        Assert.Equal(string.Empty, new GpuNodeSpec("n", 0, string.Empty).GpuModel);
    }

    [Fact]
    public void Models_CpuOnlyNodesBetweenGpuNodes_GetNoIdAndEachModelOneIdInOrderOfAppearance()
    {
        var cluster = new GpuClusterSpec("mixed", [
            new GpuNodeSpec("t4", 1, "T4"),
            new GpuNodeSpec("cpu", 0, string.Empty),
            new GpuNodeSpec("g2", 8, "G2"),
            new GpuNodeSpec("t4b", 2, "T4"),
        ]);

        Assert.Equal(["T4", "G2"], cluster.Models);
        Assert.Equal([0, -1, 1, 0], Enumerable.Range(0, 4).Select(cluster.ModelIdOfNode));
        Assert.Equal(1, cluster.ModelIdOf("G2"));
        Assert.Equal(-1, cluster.ModelIdOf("P100"));
        Assert.Equal(11, cluster.TotalGpus);
    }
}
