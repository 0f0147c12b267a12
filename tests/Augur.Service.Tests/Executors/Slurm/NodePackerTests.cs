using Augur.Service.Executors.Slurm;

namespace Augur.Service.Tests.Executors.Slurm;

public sealed class NodePackerTests
{
    [Fact]
    public void Pack_OneNodeHasRoom_UsesTheFirstSuch()
    {
        Assert.Equal([new NodeShare(1, 6)], NodePacker.Pack([4, 8, 8], 6));
    }

    [Fact]
    public void Pack_NoNodeHasRoom_SpreadsFirstFit()
    {
        Assert.Equal([new NodeShare(0, 4), new NodeShare(2, 2)], NodePacker.Pack([4, 0, 3], 6));
    }

    [Fact]
    public void Pack_NotEnoughFreeCpus_IsNull()
    {
        Assert.Null(NodePacker.Pack([1, 1], 3));
    }
}
