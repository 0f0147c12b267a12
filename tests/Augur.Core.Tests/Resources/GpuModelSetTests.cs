using Augur.Core.Clusters;
using Augur.Core.Resources;

namespace Augur.Core.Tests.Resources;

public sealed class GpuModelSetTests
{
    /// <summary>Node 0 CPU-only, node 1 V100M16, node 2 T4, node 3 V100M16 again: model ids V100M16 0, T4 1.</summary>
    private static GpuClusterSpec Mixed() => new("mixed", [
        new GpuNodeSpec("cpu", 0, string.Empty),
        new GpuNodeSpec("v16", 2, "V100M16"),
        new GpuNodeSpec("t4", 1, "T4"),
        new GpuNodeSpec("v16b", 2, "V100M16"),
    ]);

    [Fact]
    public void Equals_SameModelsInAnotherOrder_AreEqualWithTheSameHash()
    {
        var one = GpuModelSet.Of("V100M16", "V100M32");
        var other = GpuModelSet.Of("V100M32", "V100M16");

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, GpuModelSet.Of("V100M16"));
        Assert.Equal("V100M32|V100M16", other.ToString());
    }

    [Theory]
    [InlineData(new[] { "T4", "T4" }, "GPU model 'T4' is given twice.")]
    [InlineData(new[] { "T4", " V100" }, "GPU model ' V100' has blanks around it.")]
    public void Of_BadModels_Throws(string[] models, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => GpuModelSet.Of(models));

        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_ModelIdsOfTheCluster_OnlyThoseInTheSet()
    {
        var cluster = Mixed();
        var models = GpuModelSet.Of("V100M32", "V100M16");

        // V100M16 is id 0, T4 id 1; the CPU-only node has id -1 and is never accepted.
        Assert.Equal([-1, 0, 1, 0], Enumerable.Range(0, 4).Select(cluster.ModelIdOfNode));
        Assert.True(models.Accepts(cluster, 0));
        Assert.False(models.Accepts(cluster, 1));
        Assert.False(models.Accepts(cluster, -1));
        Assert.Equal(["V100M32"], models.MissingFrom(cluster));
    }

    [Fact]
    public void Accepts_OneSetOnTwoClustersInTurn_AnswersForEachClusterItsOwnIds()
    {
        // Id 0 is T4 on the first cluster and V100M16 on the second.
        var first = new GpuClusterSpec("first", [new GpuNodeSpec("t4", 1, "T4"), new GpuNodeSpec("v16", 1, "V100M16")]);
        var second = new GpuClusterSpec("second", [new GpuNodeSpec("v16", 1, "V100M16"), new GpuNodeSpec("t4", 1, "T4")]);
        var t4 = GpuModelSet.Of("T4");

        Assert.True(t4.Accepts(first, 0));
        Assert.False(t4.Accepts(second, 0));
        Assert.True(t4.Accepts(first, 0));
        Assert.True(t4.Accepts(second, 1));
        Assert.False(t4.Accepts(first, 1));
    }

    [Fact]
    public void ModelMatches_Alternatives_MatchEachAcceptedModelAndNoCpuOnlyNode()
    {
        var state = new GpuClusterState(Mixed());
        var models = GpuModelSet.Of("T4", "V100M16");

        Assert.Equal([false, true, true, true], Enumerable.Range(0, 4).Select(node => state.ModelMatches(node, models)));
        Assert.Equal([false, false, true, false], Enumerable.Range(0, 4).Select(node => state.ModelMatches(node, GpuModelSet.Of("T4"))));
    }

    [Fact]
    public void Check_GpuJobOnACpuOnlyNode_IsRefusedAndAJobWithoutGpusIsNot()
    {
        var state = new GpuClusterState(Mixed());
        var onCpuNode = new GpuAllocation();
        onCpuNode.SetNode(0);

        Assert.Equal("a job without GPUs needs exactly one node and no GPU", state.Check(GpuRequest.Whole(0), Of(0)));
        Assert.Equal("0 GPUs placed for a request of 1", state.Check(GpuRequest.Whole(1), onCpuNode));
        Assert.Null(state.Check(new GpuRequest(0, 0, cpuMilli: 1000), onCpuNode));
    }

    [Fact]
    public void Check_GpuOfAModelNotAccepted_NamesTheAcceptedModels()
    {
        // GPU 2 is the T4 of node 2.
        Assert.Equal("node 2 has T4 GPUs, V100M16|V100M32 asked", new GpuClusterState(Mixed()).Check(GpuRequest.Whole(1, GpuModelSet.Of("V100M16", "V100M32")), Of(2)));
    }

    private static GpuAllocation Of(int gpu)
    {
        var allocation = new GpuAllocation();
        allocation.AddGpu(gpu);
        return allocation;
    }
}
