using Augur.Core.Clusters;
using Augur.Core.Resources;

namespace Augur.Core.Tests.Resources;

public sealed class GpuPlaceabilityTests
{
    /// <summary>A CPU-only node (32 cores), two G2 nodes of 8 GPUs with 96 cores and 384 GiB, one T4 node of 2 GPUs with 104 cores.</summary>
    private static GpuClusterSpec Cluster(int g2Nodes = 2)
    {
        var nodes = new List<GpuNodeSpec> { new("cpu", 0, string.Empty, 32_000, 262_144) };
        for (var i = 0; i < g2Nodes; i++)
        {
            nodes.Add(new GpuNodeSpec($"g2-{i}", 8, "G2", 96_000, 393_216));
        }

        nodes.Add(new GpuNodeSpec("t4", 2, "T4", 104_000, 524_288));
        return new GpuClusterSpec("mixed", nodes);
    }

    [Fact]
    public void AcceptedGpus_ModelsOrAny_CountsTheirNodesGpus()
    {
        // Two G2 nodes of 8 and a T4 node of 2; the CPU-only node adds none.
        Assert.Equal(18, GpuPlaceability.AcceptedGpus(Cluster(), null));
        Assert.Equal(16, GpuPlaceability.AcceptedGpus(Cluster(), GpuModelSet.Of("G2")));
        Assert.Equal(2, GpuPlaceability.AcceptedGpus(Cluster(), GpuModelSet.Of("T4", "A10")));
        Assert.Equal(0, GpuPlaceability.AcceptedGpus(Cluster(), GpuModelSet.Of("A10")));
    }

    [Fact]
    public void WhyNever_CpuOnlyJobThatOneNodeHolds_IsNull()
    {
        // 100 cores fit only the T4 node (104): a job without GPUs may use any node.
        Assert.Null(GpuPlaceability.WhyNever(Cluster(), new GpuRequest(0, 0, 100_000, 1_024)));
    }

    [Fact]
    public void WhyNever_CpuOnlyJobLargerThanEveryNode_SaysWhatItAsks()
    {
        var reason = GpuPlaceability.WhyNever(Cluster(), new GpuRequest(0, 0, 400_000, 1_024));

        Assert.Equal("no node has 400000 CPU milli-cores and 1024 MiB of memory", reason);
    }

    [Fact]
    public void WhyNever_CpuAndMemoryOnDifferentNodesOnly_IsNotPlaceable()
    {
        // 100 cores: only the T4 node; 400 GiB (409,600 MiB): only the T4 node too (512 GiB) — so it fits there;
        // 600 GiB fits no node at all.
        Assert.Null(GpuPlaceability.WhyNever(Cluster(), new GpuRequest(0, 0, 100_000, 409_600)));
        Assert.NotNull(GpuPlaceability.WhyNever(Cluster(), new GpuRequest(0, 0, 100_000, 614_400)));
    }

    [Fact]
    public void WhyNever_GangWhoseCpuShareSplitsOverTwoNodes_IsNull()
    {
        // 8 GPUs with 120 cores: one G2 node hosts at most 6 of them (ceil(120 x 7 / 8) = 105 > 96; 6 x 15 = 90 <= 96),
        // so two G2 nodes host 12 >= 8.
        Assert.Null(GpuPlaceability.WhyNever(Cluster(), new GpuRequest(8, 1000, 120_000, 1_024, GpuModelSet.Of("G2"))));
    }

    [Fact]
    public void WhyNever_GangWhoseCpuShareNeedsASecondNodeThatIsMissing_SaysHowManyGpusFit()
    {
        var reason = GpuPlaceability.WhyNever(Cluster(g2Nodes: 1), new GpuRequest(8, 1000, 120_000, 1_024, GpuModelSet.Of("G2")));

        Assert.Equal("the nodes of the models it accepts (G2) can host at most 6 of its 8 GPUs with their share of its 120000 CPU milli-cores and 1024 MiB of memory", reason);
    }

    [Fact]
    public void WhyNever_TooFewGpusOfTheAcceptedModels_SaysSo()
    {
        var reason = GpuPlaceability.WhyNever(Cluster(), GpuRequest.Whole(4, GpuModelSet.Of("T4")));

        Assert.Equal("the nodes of the models it accepts (T4) have 2 GPUs, fewer than its 4", reason);
    }

    [Fact]
    public void WhyNever_SharedGpuWithMemoryOnlyTheT4NodeHas_IsNullOnlyWhenT4IsAccepted()
    {
        // 450 GiB (460,800 MiB): the G2 nodes have 384 GiB, the T4 node 512 GiB.
        Assert.Null(GpuPlaceability.WhyNever(Cluster(), new GpuRequest(1, 500, 1_000, 460_800)));
        Assert.NotNull(GpuPlaceability.WhyNever(Cluster(), new GpuRequest(1, 500, 1_000, 460_800, GpuModelSet.Of("G2"))));
    }

    [Fact]
    public void WhyNever_ClusterBuiltFromAGpuCount_HasNoCpuOrMemoryLimit()
    {
        Assert.Null(GpuPlaceability.WhyNever(GpuClusterSpec.FromGpuCount(16), new GpuRequest(16, 1000, long.MaxValue / 8, long.MaxValue / 8)));
    }
}
