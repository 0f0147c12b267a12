using Augur.Core.Clusters;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;

namespace Augur.Simulation.Tests.Gpu;

public sealed class GpuTimelineTests
{
    [Fact]
    public void Series_TiresiasPreemptingOnOneGpu_CountsJobsWaitingAndPreemptionsPerInterval()
    {
        // GpuPreemptionTests' case: one GPU, threshold 100 GPU-s, restore 30 s. A (0 s, 300 s) runs; B arrives at
        // 50 s and waits; at 100 s A is preempted and waits while B runs to 200 s; A resumes and ends at 430 s.
        // Jobs waiting: 0 in 0-50, 1 (B) in 50-100, 1 (A) in 100-200, 0 after. One preemption, at 100 s.
        var workload = GpuJobs.Whole((0, 1, 300), (50, 1, 100));

        var timeline = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new TiresiasPolicy([100]), new ConsolidatePlacement()).Run().Timeline;
        var series = timeline.Series(2);

        // Two intervals of 215 s: the first holds 150 s of one job waiting and the preemption; the second neither.
        Assert.Equal(2, series.Count);
        Assert.Equal(150.0 / 215, series[0].WaitingJobs, 12);
        Assert.Equal(1, series[0].Preemptions);
        Assert.Equal(0, series[1].WaitingJobs);
        Assert.Equal(0, series[1].Preemptions);
        Assert.Equal(1, timeline.PreemptionsBy(timeline.Count - 1));
    }

    [Fact]
    public void Series_PreemptionOnAnIntervalsStart_IsInThatInterval()
    {
        // The same run cut into 43 intervals of 10 s: the preemption at 100 s is in interval 10 ([100, 110)), not 9;
        // B waits through interval 5 ([50, 60)) and nobody waits in interval 4 ([40, 50)).
        var workload = GpuJobs.Whole((0, 1, 300), (50, 1, 100));

        var series = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new TiresiasPolicy([100]), new ConsolidatePlacement()).Run().Timeline.Series(43);

        Assert.Equal(1, series.Sum(interval => interval.Preemptions));
        Assert.Equal(1, series[10].Preemptions);
        Assert.Equal(1, series[5].WaitingJobs);
        Assert.Equal(0, series[4].WaitingJobs);
    }
}
