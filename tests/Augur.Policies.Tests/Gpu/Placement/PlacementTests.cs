using Augur.Core.Clusters;
using Augur.Core.Identifiers;
using Augur.Core.Resources;
using Augur.Policies.Gpu.Placement;

namespace Augur.Policies.Tests.Gpu.Placement;

public sealed class PlacementTests
{
    /// <summary>Nodes of 8, 4 and 8 GPUs: GPUs 0-7 on node 0, 8-11 on node 1, 12-19 on node 2.</summary>
    private static GpuClusterState ThreeNodes() => new(new GpuClusterSpec("three", [
        new GpuNodeSpec("a", 8, "gpu"),
        new GpuNodeSpec("b", 4, "gpu"),
        new GpuNodeSpec("c", 8, "gpu"),
    ]));

    private static int[] Place(IGpuPlacement placement, GpuClusterState state, GpuRequest request)
    {
        var allocation = new GpuAllocation();
        Assert.True(placement.TryPlace(request, state, allocation));
        Assert.Null(state.Check(request, allocation));
        return allocation.Gpus.ToArray();
    }

    [Fact]
    public void Consolidate_GangThatFitsOneNode_TakesTheFirstSuchNode()
    {
        // 4 GPUs fit node 0 (8 free), the first node that holds them.
        Assert.Equal([0, 1, 2, 3], Place(new ConsolidatePlacement(), ThreeNodes(), GpuRequest.Whole(4)));
    }

    [Fact]
    public void BestFit_GangThatFitsOneNode_TakesTheTightestNode()
    {
        // Node 1 has exactly 4 free: no GPU left over there.
        Assert.Equal([8, 9, 10, 11], Place(new BestFitPlacement(), ThreeNodes(), GpuRequest.Whole(4)));
    }

    [Fact]
    public void Consolidate_GangLargerThanAnyNode_UsesTwoNodes()
    {
        // 12 GPUs: node 0 (8, the most free, lowest number), then node 1 holds the remaining 4 first.
        var gpus = Place(new ConsolidatePlacement(), ThreeNodes(), GpuRequest.Whole(12));

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], gpus);
    }

    [Fact]
    public void Spread_FourGpus_TakesThemFromDifferentNodesWhileTheyLast()
    {
        // Free 8, 4, 8: first node 0 (8, lowest number), then node 2 (8), then node 0 (7) and node 2 (7).
        var gpus = Place(new SpreadPlacement(), ThreeNodes(), GpuRequest.Whole(4));

        Assert.Equal([0, 1, 12, 13], gpus);
    }

    [Fact]
    public void Placements_TooFewIdleGpus_ReturnFalse()
    {
        var state = ThreeNodes();
        var allocation = new GpuAllocation();

        // 21 GPUs asked of 20.
        Assert.False(new ConsolidatePlacement().TryPlace(GpuRequest.Whole(21), state, allocation));
        Assert.False(new BestFitPlacement().TryPlace(GpuRequest.Whole(21), state, allocation));
        Assert.False(new SpreadPlacement().TryPlace(GpuRequest.Whole(21), state, allocation));
    }

    [Fact]
    public void Shares_OnePartlyUsedGpu_ConsolidateAndBestFitPackSpreadAvoids()
    {
        var state = ThreeNodes();
        state.Apply(GpuRequest.Fraction(500), [5], -1);
        var share = GpuRequest.Fraction(300);

        // GPU 0 (1000 free) is the first that holds 300; GPU 5 (500 free) is the tightest; spread takes the most room (GPU 0, first of the idle ones).
        Assert.Equal([0], Place(new ConsolidatePlacement(), state, share));
        Assert.Equal([5], Place(new BestFitPlacement(), state, share));
        Assert.Equal([0], Place(new SpreadPlacement(), state, share));
    }

    [Fact]
    public void BestFit_GangAcrossNodesWithBusyGpus_SkipsBusyGpus()
    {
        var state = ThreeNodes();
        state.Apply(GpuRequest.Whole(2), [12, 13], -1);

        // Free: node 0 8, node 1 4, node 2 6. 6 GPUs: node 2 holds them with 0 left over.
        Assert.Equal([14, 15, 16, 17, 18, 19], Place(new BestFitPlacement(), state, GpuRequest.Whole(6)));
    }

    [Fact]
    public void Catalogue_UnknownId_SuggestsTheClosest()
    {
        var error = Assert.Throws<UnknownComponentException>(() => PlacementCatalogue.Create("place/bestfit"));

        Assert.Contains("place/best-fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogue_EveryEntry_BuildsAPlacementWithItsOwnId()
    {
        foreach (var entry in PlacementCatalogue.Catalogue.Entries)
        {
            Assert.Equal(entry.Id, entry.Create().Id);
        }
    }
}
