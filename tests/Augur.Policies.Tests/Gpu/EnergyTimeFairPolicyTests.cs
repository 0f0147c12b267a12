using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;

namespace Augur.Policies.Tests.Gpu;

public sealed class EnergyTimeFairPolicyTests
{
    /// <summary>
    /// Node 0: 2 T4 GPUs (70 W at full load); node 1: 1 V100M32 (300 W). User a: a1 at 0 s on both T4s for
    /// 150 s, a2 at 50 s on the V100 for 10 s. User b: b1 at 0 s on the V100 for 80 s, b2 at 50 s on the V100
    /// for 10 s. At 80 s b1 ends and a2 and b2 wait for the V100. By then a has held 2 x 80 = 160 GPU-seconds
    /// and 2 x 70 x 80 = 11,200 J; b 80 GPU-seconds and 300 x 80 = 24,000 J.
    /// </summary>
    private static GpuSimulationResult Run(double energyWeight)
    {
        var cluster = new GpuClusterSpec("two", [new GpuNodeSpec("t4", 2, "T4"), new GpuNodeSpec("v100", 1, "V100M32")]);
        var jobs = new List<GpuWorkloadJob>
        {
            Job(0, "a1", 0, "a", GpuRequest.Whole(2, GpuModelSet.Of("T4")), 150),
            Job(1, "b1", 0, "b", GpuRequest.Whole(1, GpuModelSet.Of("V100M32")), 80),
            Job(2, "a2", 50, "a", GpuRequest.Whole(1, GpuModelSet.Of("V100M32")), 10),
            Job(3, "b2", 50, "b", GpuRequest.Whole(1, GpuModelSet.Of("V100M32")), 10),
        };
        return new GpuSimulator(new GpuWorkload("w", jobs), cluster, new EnergyTimeFairPolicy(energyWeight), new BestFitPlacement()).Run();
    }

    private static GpuWorkloadJob Job(int index, string id, int submit, string user, GpuRequest request, int run) =>
        new(new GpuJobRequest(index, id, Instant.FromSeconds(submit), request, user), Duration.FromSeconds(run));

    [Fact]
    public void Decide_TimeFair_ServesTheUserWithLessGpuTimeFirst()
    {
        // Weight 0: charges a 160 / 240, b 80 / 240: b2 runs 80-90, then a2 90-100.
        var result = Run(0);

        Assert.Equal(90, result.Starts[2].WholeSeconds);
        Assert.Equal(80, result.Starts[3].WholeSeconds);
    }

    [Fact]
    public void Decide_EnergyFair_ServesTheUserWithLessEnergyFirst()
    {
        // Weight 1: charges a 11,200 / 35,200, b 24,000 / 35,200: a2 runs 80-90, then b2 90-100.
        var result = Run(1);

        Assert.Equal(80, result.Starts[2].WholeSeconds);
        Assert.Equal(90, result.Starts[3].WholeSeconds);
    }

    [Fact]
    public void Decide_WeightBetween_MixesBothShares()
    {
        // Weight 0.4: a 0.6 x 0.667 + 0.4 x 0.318 = 0.527, b 0.6 x 0.333 + 0.4 x 0.682 = 0.473: b first.
        // Weight 0.6: a 0.4 x 0.667 + 0.6 x 0.318 = 0.458, b 0.542: a first.
        Assert.Equal(80, Run(0.4).Starts[3].WholeSeconds);
        Assert.Equal(80, Run(0.6).Starts[2].WholeSeconds);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Constructor_WeightOutsideZeroToOne_Throws(double weight)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnergyTimeFairPolicy(weight));
    }

    [Fact]
    public void Catalogue_Etf_NeedsNoPrediction()
    {
        var policy = GpuPolicyCatalogue.Create("gpu/etf");

        Assert.Equal("gpu/etf", policy.Id);
        Assert.False(policy.NeedsPredictions);
    }
}
