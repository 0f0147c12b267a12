using Augur.Core.Clusters;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;
using Augur.Testing;

namespace Augur.Policies.Tests.Gpu;

public sealed class QuasiShortestServiceFirstPolicyTests
{
    [Fact]
    public void Run_Clairvoyant_OrdersByGpuTimeNotByRunTime()
    {
        // Two GPUs. J0 (0 s, 2 GPUs, 100 s) runs 0-100. At 10 s: J1 (2 GPUs, 50 s: 100 GPU-s), J2 (1 GPU, 80 s:
        // 80 GPU-s), J3 (1 GPU, 90 s: 90 GPU-s). QSSF takes J2 then J3 at 100 (both fit), J1 when J3 ends at 190.
        // SJF, by run time, would start J1 first (100-150), then J2 and J3 at 150.
        var workload = GpuWorkloadBuilder.Whole((0, 2, 100), (10, 2, 50), (10, 1, 80), (10, 1, 90));

        var qssf = Run(workload, new QuasiShortestServiceFirstPolicy());
        var sjf = Run(workload, new GpuShortestJobFirstPolicy());

        Assert.Equal([0L, 190, 100, 100], qssf.Starts.Select(s => s.WholeSeconds));
        Assert.Equal([100L, 240, 180, 190], qssf.Ends.Select(s => s.WholeSeconds));
        Assert.Equal([0L, 100, 150, 150], sjf.Starts.Select(s => s.WholeSeconds));
    }

    [Fact]
    public void Run_HeadDoesNotFit_BlocksTheJobsBehindIt()
    {
        // Two GPUs. J0 (0 s, 1 GPU, 100 s) runs. At 10 s: J1 (2 GPUs, 10 s: 20 GPU-s) heads the queue but needs both
        // GPUs; J2 (1 GPU, 30 s: 30 GPU-s) would fit now, but QSSF does not backfill: J1 runs 100-110, J2 110-140.
        var workload = GpuWorkloadBuilder.Whole((0, 1, 100), (10, 2, 10), (10, 1, 30));

        var result = Run(workload, new QuasiShortestServiceFirstPolicy());

        Assert.Equal([0L, 100, 110], result.Starts.Select(s => s.WholeSeconds));
    }

    [Theory]
    [InlineData(1000, 2_000_000, 2_000_000)]
    [InlineData(500, 2_000_000, 1_000_000)]
    [InlineData(8000, 3_000_000, 24_000_000)]
    [InlineData(0, 5_000_000, 0)]
    [InlineData(long.MaxValue / 2, long.MaxValue / 2, long.MaxValue)]
    public void PredictedGpuTime_GpusTimesRunTime_InGpuMicroseconds(long totalGpuMilli, long microseconds, long expected)
    {
        Assert.Equal(expected, QuasiShortestServiceFirstPolicy.PredictedGpuTime(totalGpuMilli, microseconds));
    }

    [Fact]
    public void Catalogue_Qssf_NeedsPredictions()
    {
        var policy = GpuPolicyCatalogue.Create("gpu/qssf");

        Assert.Equal("gpu/qssf", policy.Id);
        Assert.True(policy.NeedsPredictions);
    }

    private static GpuSimulationResult Run(Core.Jobs.GpuWorkload workload, Core.Scheduling.Gpu.IGpuPolicy policy) =>
        new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(2), policy, new ConsolidatePlacement(), predictions: GpuWorkloadBuilder.Clairvoyant(workload)).Run();
}
