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
}
