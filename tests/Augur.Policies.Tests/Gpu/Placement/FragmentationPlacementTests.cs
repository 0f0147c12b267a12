using Augur.Core.Clusters;
using Augur.Core.Resources;
using Augur.Policies.Gpu.Placement;

namespace Augur.Policies.Tests.Gpu.Placement;

public sealed class FragmentationPlacementTests
{
    /// <summary>Two nodes of one GPU each: GPU 0 (node 0) with 400 milli held, 600 free; GPU 1 (node 1) idle.</summary>
    private static GpuClusterState PartlyUsedAndIdle()
    {
        var state = new GpuClusterState(new GpuClusterSpec("two", [new GpuNodeSpec("a", 1, "gpu"), new GpuNodeSpec("b", 1, "gpu")]));
        state.Apply(GpuRequest.Fraction(400), [0], -1);
        return state;
    }

    private static int[] Place(FragmentationPlacement placement, GpuClusterState state, GpuRequest request)
    {
        var allocation = new GpuAllocation();
        Assert.True(placement.TryPlace(request, state, allocation));
        Assert.Null(state.Check(request, allocation));
        return allocation.Gpus.ToArray();
    }

    [Fact]
    public void TryPlace_OnlyHalfSharesSeen_KeepsThePartlyUsedGpuUsable()
    {
        // Mix: one class, shares of 500. On GPU 0 (600 free) it leaves 100, a fragment for a 500 share: +100.
        // On GPU 1 it leaves 500, which another 500 share can use: +0. Best-fit would take GPU 0.
        var placement = new FragmentationPlacement();
        placement.Submitted(GpuRequest.Fraction(500));

        Assert.Equal([1], Place(placement, PartlyUsedAndIdle(), GpuRequest.Fraction(500)));
    }

    [Fact]
    public void TryPlace_MostlyWholeGpuJobsSeen_PacksTheShareAndKeepsTheIdleGpuWhole()
    {
        // Mix: 3 jobs of 1 whole GPU, 1 share of 500 (weights 3 and 1).
        // GPU 0 (600 free): before, the whole-GPU class cannot run there, 600 x 3 = 1,800; the share class can, 0.
        //   After (100 free): 100 x 3 + 100 x 1 = 400. Change -1,400.
        // GPU 1 (idle): before 0 for both. After (500 free): 500 x 3 for the whole-GPU class, 0 for the share: +1,500.
        var placement = new FragmentationPlacement();
        for (var i = 0; i < 3; i++)
        {
            placement.Submitted(GpuRequest.Whole(1));
        }

        placement.Submitted(GpuRequest.Fraction(500));

        Assert.Equal([0], Place(placement, PartlyUsedAndIdle(), GpuRequest.Fraction(500)));
    }

    [Fact]
    public void TryPlace_WholeGpu_TakesItWhereTwoGpuJobsLoseLeast()
    {
        // Nodes of 2 GPUs; node 0 has GPU 0 held, node 1 is idle. Mix: jobs of 2 whole GPUs.
        // Node 0: before 1,000 stranded (one idle GPU, the gang needs 2); after 0: -1,000. Node 1: before 0, after 1,000: +1,000.
        var state = new GpuClusterState(GpuClusterSpec.FromGpuCount(4, 2));
        state.Apply(GpuRequest.Whole(1), [0], -1);
        var placement = new FragmentationPlacement();
        placement.Submitted(GpuRequest.Whole(2));
        placement.Submitted(GpuRequest.Whole(1));

        Assert.Equal([1], Place(placement, state, GpuRequest.Whole(1)));
    }

    [Fact]
    public void TryPlace_GangNoNodeHolds_SpansNodesLikeBestFit()
    {
        // 3 GPUs on nodes of 2: no single node holds them; best-fit takes node 0 (2) then node 1 (1).
        var state = new GpuClusterState(GpuClusterSpec.FromGpuCount(6, 2));
        var placement = new FragmentationPlacement();
        placement.Submitted(GpuRequest.Whole(3));

        Assert.Equal([0, 1, 2], Place(placement, state, GpuRequest.Whole(3)));
    }

    [Fact]
    public void TryPlace_NoRoom_ReturnsFalse()
    {
        var state = PartlyUsedAndIdle();
        state.Apply(GpuRequest.Whole(1), [1], -1);
        var placement = new FragmentationPlacement();
        placement.Submitted(GpuRequest.Fraction(700));

        Assert.False(placement.TryPlace(GpuRequest.Fraction(700), state, new GpuAllocation()));
    }

    [Fact]
    public void Catalogue_Fragmentation_IsListed()
    {
        Assert.Equal("place/fragmentation", PlacementCatalogue.Create("place/fragmentation").Id);
    }
}
