using Augur.Core.Clusters;
using Augur.Core.Resources;
using Augur.Policies.Gpu.Placement;

namespace Augur.Policies.Tests.Gpu.Placement;

/// <summary>Every placement on a cluster of several GPU models and a CPU-only node, with jobs that accept alternatives.</summary>
public sealed class ModelChoicePlacementTests
{
    private static readonly GpuModelSet V100s = GpuModelSet.Of("V100M16", "V100M32");

    private static readonly GpuModelSet T4 = GpuModelSet.Of("T4");

    public static TheoryData<string> Placements => ["place/consolidate", "place/spread", "place/best-fit", "place/fragmentation"];

    /// <summary>
    /// Node 0 CPU-only (no GPU); node 1 one V100M16 (GPU 0); node 2 one V100M32 (GPU 1); node 3 one T4 (GPU 2);
    /// node 4 two G2 (GPUs 3 and 4). GPU nodes have unbounded CPU and memory.
    /// </summary>
    private static GpuClusterState Mixed() => new(new GpuClusterSpec("mixed", [
        new GpuNodeSpec("cpu", 0, string.Empty, cpuMilli: 16000, memoryMebibytes: 65536),
        new GpuNodeSpec("v16", 1, "V100M16"),
        new GpuNodeSpec("v32", 1, "V100M32"),
        new GpuNodeSpec("t4", 1, "T4"),
        new GpuNodeSpec("g2", 2, "G2"),
    ]));

    /// <summary>The placement, told of the job first when it learns the request mix (place/fragmentation).</summary>
    private static bool TryPlace(string id, GpuClusterState state, GpuRequest request, GpuAllocation allocation)
    {
        var placement = PlacementCatalogue.Create(id);
        (placement as IGpuRequestObserver)?.Submitted(request);
        return placement.TryPlace(request, state, allocation);
    }

    private static int[] Place(string id, GpuClusterState state, GpuRequest request)
    {
        var allocation = new GpuAllocation();
        Assert.True(TryPlace(id, state, request, allocation));
        Assert.Null(state.Check(request, allocation));
        return allocation.Gpus.ToArray();
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public void TryPlace_AlternativesBothFree_TakesTheFirstAcceptedNode(string id)
    {
        // V100M16 (GPU 0) and V100M32 (GPU 1) both have 1 GPU free: every placement's tie goes to the lower node.
        Assert.Equal([0], Place(id, Mixed(), GpuRequest.Whole(1, V100s)));
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public void TryPlace_AlternativesFirstModelFull_GoesToTheOtherModel(string id)
    {
        var state = Mixed();
        state.Apply(GpuRequest.Whole(1), [0], -1);

        Assert.Equal([1], Place(id, state, GpuRequest.Whole(1, V100s)));
        Assert.Equal([1], Place(id, state, GpuRequest.Fraction(500, V100s)));
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public void TryPlace_AlternativesBothFull_WaitsThoughT4AndG2AreFree(string id)
    {
        var state = Mixed();
        state.Apply(GpuRequest.Whole(1), [0], -1);
        state.Apply(GpuRequest.Whole(1), [1], -1);
        var allocation = new GpuAllocation();

        // GPUs 2 (T4), 3 and 4 (G2) are idle, but the job accepts only V100s.
        Assert.Equal(3, state.IdleGpus);
        Assert.False(TryPlace(id, state, GpuRequest.Whole(1, V100s), allocation));
        Assert.False(TryPlace(id, state, GpuRequest.Fraction(100, V100s), allocation));
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public void TryPlace_T4JobWithTheT4Busy_NeverTakesAG2(string id)
    {
        var state = Mixed();
        var allocation = new GpuAllocation();
        state.Apply(GpuRequest.Fraction(800), [2], -1);

        // 200 milli left on the T4: a 100 share fits there, a 300 share and a whole GPU do not, and both G2s stay untouched.
        Assert.Equal([2], Place(id, state, GpuRequest.Fraction(100, T4)));
        Assert.False(TryPlace(id, state, GpuRequest.Fraction(300, T4), allocation));
        Assert.False(TryPlace(id, state, GpuRequest.Whole(1, T4), allocation));
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public void TryPlace_GangOfAlternatives_SpansTheAcceptedNodesOnly(string id)
    {
        // No single V100 node has 2 GPUs; G2 has 2 but is not accepted: the gang takes GPU 0 (V100M16) and GPU 1 (V100M32).
        Assert.Equal([0, 1], Place(id, Mixed(), GpuRequest.Whole(2, V100s)));
        Assert.Equal([3, 4], Place(id, Mixed(), GpuRequest.Whole(2, GpuModelSet.Of("G2"))));
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public void TryPlace_JobWithoutGpus_MayUseTheCpuOnlyNode(string id)
    {
        var state = Mixed();
        var allocation = new GpuAllocation();
        var request = new GpuRequest(0, 0, cpuMilli: 4000, memoryMebibytes: 8192);

        // Node 0 (CPU-only) is the first with the CPU and memory: every placement's tie goes there.
        Assert.True(TryPlace(id, state, request, allocation));
        Assert.Equal(0, allocation.Node);
        Assert.Equal(0, allocation.Count);
        Assert.Null(state.Check(request, allocation));
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public void TryPlace_GpuJobWhenOnlyTheCpuOnlyNodeHasRoom_Waits(string id)
    {
        var state = Mixed();
        state.Apply(GpuRequest.Whole(1), [0], -1);
        state.Apply(GpuRequest.Whole(1), [1], -1);
        state.Apply(GpuRequest.Whole(1), [2], -1);
        state.Apply(GpuRequest.Whole(2), [3, 4], -1);
        var allocation = new GpuAllocation();

        Assert.False(TryPlace(id, state, GpuRequest.Whole(1), allocation));
        Assert.False(TryPlace(id, state, GpuRequest.Fraction(100), allocation));
        Assert.False(TryPlace(id, state, GpuRequest.Whole(2), allocation));
        Assert.True(TryPlace(id, state, new GpuRequest(0, 0, cpuMilli: 1000), allocation));
        Assert.Equal(0, allocation.Node);
    }
}
