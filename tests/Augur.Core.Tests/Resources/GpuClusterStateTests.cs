using Augur.Core.Clusters;
using Augur.Core.Resources;

namespace Augur.Core.Tests.Resources;

public sealed class GpuClusterStateTests
{
    /// <summary>Two nodes of 4 GPUs (GPUs 0-3 on node 0, 4-7 on node 1), 8 cores and 64 GiB each.</summary>
    private static GpuClusterState TwoNodes() => new(new GpuClusterSpec("two", [
        new GpuNodeSpec("a", 4, "V100", cpuMilli: 8000, memoryMebibytes: 65536),
        new GpuNodeSpec("b", 4, "T4", cpuMilli: 8000, memoryMebibytes: 65536),
    ]));

    private static GpuAllocation Of(params int[] gpus)
    {
        var allocation = new GpuAllocation();
        foreach (var gpu in gpus)
        {
            allocation.AddGpu(gpu);
        }

        return allocation;
    }

    [Fact]
    public void ApplyThenRelease_GangOverTwoNodes_ChargesAndRestoresEachNode()
    {
        var state = TwoNodes();
        var request = new GpuRequest(3, 1000, cpuMilli: 3000, memoryMebibytes: 3000);
        var allocation = Of(0, 1, 4);

        Assert.Null(state.Check(request, allocation));
        state.Apply(request, allocation.Gpus, -1);

        // Node 0 hosts 2 of 3 GPUs: CPU share ceil(3000 x 2 / 3) = 2000; node 1 hosts 1: 1000.
        Assert.Equal(8000 - 2000, state.FreeCpuMilli(0));
        Assert.Equal(8000 - 1000, state.FreeCpuMilli(1));
        Assert.Equal(2, state.FreeWholeGpus(0));
        Assert.Equal(3, state.FreeWholeGpus(1));
        Assert.Equal(8 - 3, state.IdleGpus);
        Assert.Equal(3000, state.AllocatedMilli);
        Assert.Equal(2, state.NodesSpanned(allocation.Gpus));

        state.Release(request, allocation.Gpus, -1);

        Assert.Equal(8000, state.FreeCpuMilli(0));
        Assert.Equal(8, state.IdleGpus);
        Assert.Equal(0, state.AllocatedMilli);
    }

    [Fact]
    public void Apply_TwoSharesOnOneGpu_GpuStaysBusyUntilBothLeave()
    {
        var state = TwoNodes();
        var share = GpuRequest.Fraction(400);
        state.Apply(share, [2], -1);
        state.Apply(share, [2], -1);

        // 1000 - 400 - 400 = 200 milli left; GPU 2 no longer idle.
        Assert.Equal(200, state.FreeMilli(2));
        Assert.Equal(3, state.FreeWholeGpus(0));
        Assert.Equal("GPU 2 has 200 milli free, 400 asked", state.Check(share, Of(2)));

        state.Release(share, [2], -1);
        Assert.Equal(3, state.FreeWholeGpus(0));
        state.Release(share, [2], -1);
        Assert.Equal(4, state.FreeWholeGpus(0));
    }

    [Theory]
    [InlineData(new[] { 0, 0 }, "GPU 0 placed twice")]
    [InlineData(new[] { 0, 9 }, "GPU 9 does not exist")]
    [InlineData(new[] { 0 }, "1 GPUs placed for a request of 2")]
    public void Check_BadPlacement_SaysWhy(int[] gpus, string reason)
    {
        Assert.Equal(reason, TwoNodes().Check(GpuRequest.Whole(2), Of(gpus)));
    }

    [Fact]
    public void Check_WrongModel_NamesTheNode()
    {
        Assert.Equal("node 1 has T4 GPUs, V100 asked", TwoNodes().Check(GpuRequest.Whole(1, GpuModelSet.Of("V100")), Of(5)));
    }

    [Fact]
    public void Check_NotEnoughCpuOnAHost_Refuses()
    {
        // 9 cores on one node of 8 cores.
        var request = new GpuRequest(1, 1000, cpuMilli: 9000);

        Assert.Equal("node 0 lacks the CPU or memory", TwoNodes().Check(request, Of(0)));
    }

    [Theory]
    [InlineData(3000, 2, 3, 2000)]
    [InlineData(1000, 1, 3, 334)]
    [InlineData(500, 0, 0, 500)]
    public void ShareOf_ProportionalRoundedUp(long amount, int onNode, int gpus, long expected)
    {
        // 1000 x 1 / 3 = 333.3, rounded up to 334; a job without GPUs puts everything on its node.
        Assert.Equal(expected, GpuClusterState.ShareOf(amount, onNode, gpus));
    }
}
