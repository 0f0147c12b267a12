using Augur.Core.Clusters;

namespace Augur.Core.Tests.Clusters;

public sealed class ClusterSpecTests
{
    [Fact]
    public void Constructor_PositiveProcessors_KeepsNameAndSize()
    {
        var cluster = new ClusterSpec("sdsc-sp2", 128);

        Assert.Equal("sdsc-sp2", cluster.Name);
        Assert.Equal(128, cluster.Processors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Constructor_ProcessorsNotPositive_Throws(int processors)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterSpec("x", processors));

        Assert.Equal("processors", error.ParamName);
    }

    [Fact]
    public void FromProcessors_NamesTheMachineBySize()
    {
        var cluster = ClusterSpec.FromProcessors(100);

        Assert.Equal("100 processors", cluster.Name);
        Assert.Equal(100, cluster.Processors);
    }

    [Fact]
    public void FromProcessors_Zero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterSpec.FromProcessors(0));
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(new ClusterSpec("a", 4), new ClusterSpec("a", 4));
        Assert.NotEqual(new ClusterSpec("a", 4), new ClusterSpec("a", 8));
        Assert.NotEqual(new ClusterSpec("a", 4), new ClusterSpec("b", 4));
    }
}
