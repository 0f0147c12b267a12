using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;

namespace Augur.Simulation.Tests.Gpu;

public sealed class GpuUsageMetricsTests
{
    /// <summary>
    /// Node 0: one T4 (14 W idle, 70 W full); node 1: one V100M32 (60 W idle, 300 W full). At 0 s user u1's job
    /// takes the whole T4 for 100 s and user u2's job half the V100 for 200 s.
    /// </summary>
    internal static GpuSimulationResult TwoJobs()
    {
        var cluster = new GpuClusterSpec("two", [new GpuNodeSpec("t4", 1, "T4"), new GpuNodeSpec("v100", 1, "V100M32")]);
        var jobs = new List<GpuWorkloadJob>
        {
            new(new GpuJobRequest(0, "a", Instant.Zero, GpuRequest.Whole(1, GpuModelSet.Of("T4")), "u1"), Duration.FromSeconds(100)),
            new(new GpuJobRequest(1, "b", Instant.Zero, GpuRequest.Fraction(500, GpuModelSet.Of("V100M32")), "u2"), Duration.FromSeconds(200)),
        };
        return new GpuSimulator(new GpuWorkload("w", jobs), cluster, new GpuFifoPolicy(), new ConsolidatePlacement()).Run();
    }

    [Fact]
    public void Compute_TwoJobsOnTwoModels_EnergyByHand()
    {
        var result = TwoJobs();

        var usage = GpuUsageMetrics.Compute(result);

        // Jobs: a 70 W x 100 s = 7,000 J; b 0.5 x 300 W x 200 s = 30,000 J.
        Assert.Equal(7000, result.EnergyJoules[0], 6);
        Assert.Equal(30000, result.EnergyJoules[1], 6);
        Assert.Equal(37000, usage.EnergyJobsJoules, 6);

        // Cluster over 0-200 s: T4 70 W for 100 s then 14 W for 100 s = 8,400 J; V100 at 60 + 240 x 0.5 = 180 W for 200 s = 36,000 J.
        Assert.Equal(44400, usage.EnergyTotalJoules, 6);

        // Idle power of what nobody held: T4 14 W x 100 s + half the V100's 60 W x 200 s = 1,400 + 6,000; jobs + idle = total.
        Assert.Equal(7400, usage.EnergyUnheldIdleJoules, 6);
        Assert.Equal(200, usage.WindowSeconds);
    }

    [Fact]
    public void Compute_TiresiasWithWakeUpsPendingAfterTheLastEnd_EndsTheRunAtTheLastEnd()
    {
        // Four GPUs, three gangs of 4 run back to back: 0-100, 100-150, 150-160. Tiresias asks to wake when a
        // running job would cross its 3,600 GPU-second threshold (900 s after the first start, 1,000 after the
        // second); those wake-ups come after the last end and must not stretch the run: the cluster is never
        // idle, so no idle energy, and the window is the makespan.
        var workload = GpuJobs.Whole((0, 4, 100), (10, 4, 50), (20, 4, 10));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(4), new TiresiasPolicy(), new ConsolidatePlacement()).Run();
        var usage = GpuUsageMetrics.Compute(result);

        Assert.Equal([100L, 150, 160], result.Ends.Select(end => end.WholeSeconds));
        Assert.Equal(160, usage.WindowSeconds);
        Assert.Equal(0, usage.EnergyUnheldIdleJoules, 6);
        Assert.Equal(usage.EnergyJobsJoules, usage.EnergyTotalJoules, 6);
    }

    [Fact]
    public void Compute_TwoJobsOnTwoModels_AllocationAndFairnessByHand()
    {
        var usage = GpuUsageMetrics.Compute(TwoJobs());

        // GPUs held: 1.5 for 100 s, 0.5 for 100 s: mean 1 of 2.
        Assert.Equal(1, usage.AllocatedGpusMean, 9);
        Assert.Equal(0.5, usage.Utilization, 9);

        // GPU time 100 and 100 GPU-seconds: equal. Energy 7,000 and 30,000 J: 37,000^2 / (2 x (7,000^2 + 30,000^2)).
        Assert.Equal(["u1", "u2"], usage.Users);
        Assert.Equal(1, usage.JainGpuTime, 12);
        Assert.Equal(37000.0 * 37000 / (2 * ((7000.0 * 7000) + (30000.0 * 30000))), usage.JainEnergy, 12);

        // Nothing ever waited, so nothing was stranded for a waiting job.
        Assert.Equal(0, usage.FragmentedGpusMean);
    }

    [Fact]
    public void Compute_GangWaitingBehindAShare_FragmentedGpusByHand()
    {
        // Two nodes of 2 GPUs. At 0 s: A takes 600 milli of GPU 0 and B both GPUs of node 1, each for 100 s. At 10 s
        // C asks 2 whole GPUs and waits: node 0 has only 1 idle GPU, so its 400 + 1000 free milli are stranded for C;
        // node 1 has none free. C runs 100-110. Fragmented: 1.4 GPUs over 10-100 s, 0 otherwise, over 110 s.
        var workload = GpuJobs.Of((0, GpuRequest.Fraction(600), 100), (0, GpuRequest.Whole(2), 100), (10, GpuRequest.Whole(2), 10));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(4, 2), new GpuFifoPolicy(), new ConsolidatePlacement()).Run();
        var usage = GpuUsageMetrics.Compute(result);

        Assert.Equal(100, result.Starts[2].WholeSeconds);
        Assert.Equal(1.4 * 90 / 110, usage.FragmentedGpusMean, 9);

        // Held: 2.6 GPUs over 0-100 s, 2 over 100-110 s.
        Assert.Equal(((2.6 * 100) + (2 * 10)) / 110, usage.AllocatedGpusMean, 9);

        // Free on average: 4 - 2.545 = 1.455 GPUs, of which 1.145 stranded.
        Assert.Equal(1.4 * 90 / 110 / (4 - (280.0 / 110)), usage.FragmentationRatio, 9);
    }

    [Fact]
    public void Compute_GangsWaitingTwiceWithTheClusterChangedBetween_MeasuresTheNewState()
    {
        // Two nodes of 2 GPUs. A (2 GPUs) takes node 0 and B (600 milli) GPU 2, 0-100 s. C (2 GPUs) waits 1-100 s:
        // node 1 has one idle GPU, so its 400 + 1000 milli are stranded. At 100 s C takes node 0 and E (300 milli)
        // GPU 2. F (2 GPUs) waits 101-105 s: now node 1's 700 + 1000 milli are stranded. E ends at 200 s.
        // Fragmented: (1.4 x 99 + 1.7 x 4) / 200.
        var workload = GpuJobs.Of(
            (0, GpuRequest.Whole(2), 100),
            (0, GpuRequest.Fraction(600), 100),
            (1, GpuRequest.Whole(2), 5),
            (100, GpuRequest.Fraction(300), 100),
            (101, GpuRequest.Whole(2), 1));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(4, 2), new GpuFifoPolicy(), new ConsolidatePlacement()).Run();

        Assert.Equal(105, result.Starts[4].WholeSeconds);
        Assert.Equal(((1.4 * 99) + (1.7 * 4)) / 200, GpuUsageMetrics.Compute(result).FragmentedGpusMean, 9);
    }

    [Fact]
    public void Series_TwoIntervals_TimeWeightedMeansOfEach()
    {
        var series = TwoJobs().Timeline.Series(2);

        // 0-100 s: 1.5 GPUs held, 70 + 180 = 250 W; 100-200 s: 0.5 GPUs, 14 + 180 = 194 W.
        Assert.Equal(2, series.Count);
        Assert.Equal(new Instant(0), series[0].Start);
        Assert.Equal(Instant.FromSeconds(100), series[0].End);
        Assert.Equal(1.5, series[0].AllocatedGpus, 9);
        Assert.Equal(250, series[0].Watts, 9);
        Assert.Equal(0.5, series[1].AllocatedGpus, 9);
        Assert.Equal(194, series[1].Watts, 9);
    }

    [Fact]
    public void Series_IntervalsStraddlingSamples_WeighEachPart()
    {
        // Three intervals over 200 s (0-66.666666, 66.666666-133.333333, 133.333333-200, in whole microseconds):
        // the middle one holds 1.5 GPUs for 33.333334 s and 0.5 for 33.333333 s.
        var series = TwoJobs().Timeline.Series(3);

        Assert.Equal(3, series.Count);
        Assert.Equal(((1.5 * 33_333_334) + (0.5 * 33_333_333)) / 66_666_667, series[1].AllocatedGpus, 9);
    }
}
