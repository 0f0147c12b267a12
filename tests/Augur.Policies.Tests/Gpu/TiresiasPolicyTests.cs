using Augur.Core.Clusters;
using Augur.Core.Time;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;
using Augur.Testing;

namespace Augur.Policies.Tests.Gpu;

public sealed class TiresiasPolicyTests
{
    [Theory]
    [InlineData(new[] { 0.0 })]
    [InlineData(new[] { 100.0, 100.0 })]
    [InlineData(new[] { 200.0, 100.0 })]
    public void Constructor_ThresholdsNotPositiveAndIncreasing_Throws(double[] thresholds)
    {
        Assert.Throws<ArgumentException>(() => new TiresiasPolicy(thresholds));
    }

    [Fact]
    public void Catalogue_Tiresias_NeedsNoPrediction()
    {
        var policy = GpuPolicyCatalogue.Create("gpu/tiresias");

        Assert.Equal("gpu/tiresias", policy.Id);
        Assert.False(policy.NeedsPredictions);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_PromoteKnobNegativeOrNotFinite_Throws(double knob)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TiresiasPolicy(promoteKnob: knob));
    }

    [Fact]
    public void Run_WithoutStarvationGuard_PreemptedJobWaitsBehindTheJobThatTookItsGpu()
    {
        // One GPU, threshold 100 GPU-s, no restore. J0 (0 s, 300 s) is demoted at 100 and preempted for J1 (50 s,
        // 1000 s), which is demoted at 200 but keeps running (running jobs of a queue come first): 100-1100. J0
        // resumes at 1100 with 200 s left: 1300.
        var result = Run(new TiresiasPolicy([100]));

        Assert.Equal([1300L, 1100], result.Ends.Select(s => s.WholeSeconds));
        Assert.Equal([1, 0], result.Preemptions);
    }

    [Fact]
    public void Run_WithPromoteKnobOne_PromotesAJobThatWaitedAsLongAsItRan()
    {
        // As above, knob 1. J0 ran 100 s, so at 200 (waited 100) it is promoted to queue 0 with its service reset,
        // and J1 (in queue 1 since 200) is preempted for it. At 300 J0 has 100 GPU-s since its promotion (queue 1)
        // and J1, which ran 100 s and waited 100, is promoted: J0 is preempted with 100 s left. At 400 the same
        // again: J0 promoted, J1 preempted (800 s left); J0 ends at 500, when J1 is promoted (a fourth promotion)
        // and resumes: 1300.
        var policy = new TiresiasPolicy([100], promoteKnob: 1);

        var result = Run(policy);

        Assert.Equal([500L, 1300], result.Ends.Select(s => s.WholeSeconds));
        Assert.Equal([2, 2], result.Preemptions);
        Assert.Equal(4, policy.Promotions);
    }

    private static GpuSimulationResult Run(TiresiasPolicy policy) =>
        new GpuSimulator(
            GpuWorkloadBuilder.Whole((0, 1, 300), (50, 1, 1000)),
            GpuClusterSpec.FromGpuCount(1),
            policy,
            new ConsolidatePlacement(),
            new GpuSimulationOptions { CheckpointRestore = Duration.Zero }).Run();
}
