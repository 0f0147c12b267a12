using Augur.Core.Clusters;
using Augur.Core.Resources;

namespace Augur.Core.Tests.Resources;

public sealed class GpuFragmentationTests
{
    /// <summary>
    /// Node 0: 2 GPUs, GPU 0 with 600 milli held (400 free), GPU 1 idle. Node 1: 4 GPUs, GPUs 2 and 3 held
    /// whole, GPU 4 idle, GPU 5 with 300 held (700 free). Both nodes 4,000 milli-cores of CPU.
    /// </summary>
    private static GpuClusterState TwoNodes()
    {
        var state = new GpuClusterState(new GpuClusterSpec("two", [
            new GpuNodeSpec("a", 2, "gpu", cpuMilli: 4000),
            new GpuNodeSpec("b", 4, "gpu", cpuMilli: 4000),
        ]));
        state.Apply(GpuRequest.Fraction(600), [0], -1);
        state.Apply(GpuRequest.Whole(2), [2, 3], -1);
        state.Apply(GpuRequest.Fraction(300), [5], -1);
        return state;
    }

    private static long Cluster(GpuClusterState state, GpuRequest request) =>
        GpuFragmentation.FragmentMilli(state, 0, request) + GpuFragmentation.FragmentMilli(state, 1, request);

    [Fact]
    public void FragmentMilli_ShareOf500_CountsOnlyFreeSharesBelow500()
    {
        // Node 0: 400 < 500 is a fragment, the idle GPU is not. Node 1: 1000 and 700 both hold 500; the held GPUs have nothing free.
        Assert.Equal(400, GpuFragmentation.FragmentMilli(TwoNodes(), 0, GpuRequest.Fraction(500)));
        Assert.Equal(0, GpuFragmentation.FragmentMilli(TwoNodes(), 1, GpuRequest.Fraction(500)));
    }

    [Fact]
    public void FragmentMilli_OneWholeGpu_CountsPartlyUsedGpus()
    {
        // Both nodes have an idle GPU, so the job can run on each; their partly used GPUs (400 and 700) are fragments.
        Assert.Equal(1100, Cluster(TwoNodes(), GpuRequest.Whole(1)));
    }

    [Fact]
    public void FragmentMilli_TwoWholeGpus_EveryFreeShareWhereTheGangDoesNotFit()
    {
        // Neither node has 2 idle GPUs: all free capacity, 1,400 + 1,700, is stranded for this job.
        Assert.Equal(3100, Cluster(TwoNodes(), GpuRequest.Whole(2)));
    }

    [Fact]
    public void FragmentMilli_JobWithoutGpu_EveryFreeShare()
    {
        Assert.Equal(3100, Cluster(TwoNodes(), new GpuRequest(0, 0, cpuMilli: 1000)));
    }

    [Fact]
    public void FragmentMilli_OtherModelOrTooLittleCpu_EveryFreeShare()
    {
        var state = TwoNodes();

        Assert.Equal(1400, GpuFragmentation.FragmentMilli(state, 0, GpuRequest.Fraction(100, GpuModelSet.Of("T4"))));
        Assert.Equal(1400, GpuFragmentation.FragmentMilli(state, 0, new GpuRequest(1, 100, cpuMilli: 5000)));
    }

    [Fact]
    public void FragmentMilli_GangLargerThanAnyNode_CanUseEveryIdleGpu()
    {
        // 8 GPUs exceed the largest node (4): the gang spans nodes, so idle GPUs are usable and only partly used ones are fragments.
        Assert.Equal(1100, Cluster(TwoNodes(), GpuRequest.Whole(8)));
    }

    [Fact]
    public void FragmentMilli_FullNode_IsZero()
    {
        var state = new GpuClusterState(new GpuClusterSpec("one", [new GpuNodeSpec("a", 1, "gpu")]));
        state.Apply(GpuRequest.Whole(1), [0], -1);

        Assert.Equal(0, GpuFragmentation.FragmentMilli(state, 0, GpuRequest.Fraction(100)));
    }
}
