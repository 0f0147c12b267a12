using Augur.Core.Clusters;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;
using Augur.Testing;

namespace Augur.Policies.Tests.Gpu;

public sealed class ShortestRemainingTimeFirstPolicyTests
{
    [Fact]
    public void Run_ShorterJobArrives_PreemptsTheLongerOneWhichResumesWithTheRestore()
    {
        // One GPU, restore 30 s. J0 (0 s, 300 s) runs; J1 (50 s, 100 s) has 100 s left against J0's 250: J0 is
        // preempted, J1 runs 50-150, J0 resumes at 150: 150 + 30 + 250 = 430.
        var workload = GpuWorkloadBuilder.Whole((0, 1, 300), (50, 1, 100));

        var result = Run(workload, 1);

        Assert.Equal([0L, 50], result.Starts.Select(s => s.WholeSeconds));
        Assert.Equal([430L, 150], result.Ends.Select(s => s.WholeSeconds));
        Assert.Equal([1, 0], result.Preemptions);
    }

    [Fact]
    public void Run_EqualRemainingTime_DoesNotPreempt()
    {
        // One GPU. J0 (0 s, 150 s) has 100 s left at 50 s, when J1 (100 s) arrives: a tie, so no preemption
        // (only strictly longer jobs are victims). J1 runs 150-250.
        var workload = GpuWorkloadBuilder.Whole((0, 1, 150), (50, 1, 100));

        var result = Run(workload, 1);

        Assert.Equal([0L, 150], result.Starts.Select(s => s.WholeSeconds));
        Assert.Equal([0, 0], result.Preemptions);
    }

    [Fact]
    public void Run_JobThatCannotBePlacedEvenByPreempting_BlocksAndPreemptsNothing()
    {
        // Two GPUs. J0 (0 s, 1 GPU, 100 s) and J1 (0 s, 1 GPU, 500 s) run. At 10 s J2 (2 GPUs, 200 s) has 200 s left:
        // only J1 (490 s) is longer; without it one GPU is free, not two, so nothing is preempted and J2 blocks
        // J3 (10 s, 1 GPU, 300 s) behind it. At 100 J0 ends: J2 takes J1's GPU too (400 s left > 200), runs
        // 100-300; then J3 (300 s left) and J1 (400) both start at 300: J3 ends at 600, J1 at 300 + 30 + 400 = 730.
        var workload = GpuWorkloadBuilder.Whole((0, 1, 100), (0, 1, 500), (10, 2, 200), (10, 1, 300));

        var result = Run(workload, 2);

        Assert.Equal([0L, 0, 100, 300], result.Starts.Select(s => s.WholeSeconds));
        Assert.Equal([100L, 730, 300, 600], result.Ends.Select(s => s.WholeSeconds));
        Assert.Equal([0, 1, 0, 0], result.Preemptions);
    }

    private static GpuSimulationResult Run(Core.Jobs.GpuWorkload workload, int gpus) =>
        new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(gpus), new ShortestRemainingTimeFirstPolicy(), new ConsolidatePlacement(), predictions: GpuWorkloadBuilder.Clairvoyant(workload)).Run();
}
