using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Scheduling.Gpu;
using Augur.Core.Time;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;
using Augur.Testing;

namespace Augur.Simulation.Tests.Gpu;

/// <summary>Jain's indices over windows of contention (docs/gpu.md, "Fairness over windows of contention"), by hand.</summary>
public sealed class GpuFairnessWindowsTests
{
    [Fact]
    public void Run_UserHoldsTheOnlyGpuForTwoWindowsWhileBothWait_HalfInEach()
    {
        // One GPU, FIFO, windows of 3,600 s. a1 (7,200 s), a2 (3,600 s), b1 (3,600 s), all at 0: a1 0-7,200, a2
        // 7,200-10,800, b1 10,800-14,400. Windows 0 and 1: a (a2 waits) and b (b1 waits) contend, GPU-seconds
        // (3,600, 0): 3,600^2 / (2 x 3,600^2) = 0.5. Window 2: only b waits, no index; window 3: nobody waits.
        var workload = GpuWorkloadBuilder.Of((0, GpuRequest.Whole(1), 7200, "a"), (0, GpuRequest.Whole(1), 3600, "a"), (0, GpuRequest.Whole(1), 3600, "b"));

        var fairness = Run(workload, GpuClusterSpec.FromGpuCount(1), new GpuFifoPolicy(), 3600);

        Assert.Equal(2, fairness.Windows);
        Assert.Equal(0.5, fairness.JainGpuTime, 12);
        Assert.Equal(0.5, fairness.JainEnergy, 12);
        Assert.Equal(Duration.FromHours(1), fairness.Window);
    }

    [Fact]
    public void Run_RunsSpanningWindowBoundaries_SplitAtTheBoundary()
    {
        // One GPU, windows of 3,600 s. a1 (5,400 s), b1 (3,600 s), a2 (1,800 s), all at 0: a1 0-5,400, b1
        // 5,400-9,000, a2 9,000-10,800. Window 0-3,600: a and b wait, (3,600, 0): 0.5. Window 3,600-7,200: a (a2)
        // and b (b1 until 5,400) wait; a1 held 1,800 s of it and b1 1,800 s: 1. Window 7,200-10,800: only a waits.
        var workload = GpuWorkloadBuilder.Of((0, GpuRequest.Whole(1), 5400, "a"), (0, GpuRequest.Whole(1), 3600, "b"), (0, GpuRequest.Whole(1), 1800, "a"));

        var fairness = Run(workload, GpuClusterSpec.FromGpuCount(1), new GpuFifoPolicy(), 3600);

        Assert.Equal(2, fairness.Windows);
        Assert.Equal(0.75, fairness.JainGpuTime, 12);
    }

    [Fact]
    public void Run_OneUserContending_NoWindowHasAnIndex()
    {
        // One GPU: three jobs of one user queue behind each other; the only contender in every window is that user.
        var workload = GpuWorkloadBuilder.Of((0, GpuRequest.Whole(1), 3000, "a"), (0, GpuRequest.Whole(1), 3000, "a"), (100, GpuRequest.Whole(1), 3000, "a"));

        var fairness = Run(workload, GpuClusterSpec.FromGpuCount(1), new GpuFifoPolicy(), 3600);

        Assert.Equal(0, fairness.Windows);
        Assert.True(double.IsNaN(fairness.JainGpuTime));
        Assert.True(double.IsNaN(fairness.JainEnergy));
    }

    [Fact]
    public void Run_ContendersThatAllGotNothing_NoIndex()
    {
        // One GPU. a1 holds it 0-7,200 s while b1 and c1 wait: in windows 0 and 1 the contenders b and c got 0, so
        // no index. b1 runs 7,200-7,300 while c1 waits (the only contender), c1 7,300-7,400.
        var workload = GpuWorkloadBuilder.Of((0, GpuRequest.Whole(1), 7200, "a"), (0, GpuRequest.Whole(1), 100, "b"), (0, GpuRequest.Whole(1), 100, "c"));

        var fairness = Run(workload, GpuClusterSpec.FromGpuCount(1), new GpuFifoPolicy(), 3600);

        Assert.Equal(0, fairness.Windows);
        Assert.True(double.IsNaN(fairness.JainGpuTime));
    }

    [Fact]
    public void Run_PreemptedJob_CountsAsWaiting()
    {
        // One GPU, Tiresias with one threshold of 100 GPU-seconds (restore 30 s). a1 (0 s, 300 s) runs 0-100; b1 (50 s,
        // 100 s) waits 50-100; a1 is preempted at 100 and waits 100-200 while b1 runs; a1 resumes at 200. Window
        // 0-200 s: b waited 50-100 and a, preempted, 100-200: both contend, 100 GPU-seconds each: 1. Nobody waits after.
        var workload = GpuWorkloadBuilder.Of((0, GpuRequest.Whole(1), 300, "a"), (50, GpuRequest.Whole(1), 100, "b"));

        var fairness = Run(workload, GpuClusterSpec.FromGpuCount(1), new TiresiasPolicy([100]), 200);

        Assert.Equal(1, fairness.Windows);
        Assert.Equal(1, fairness.JainGpuTime, 12);
    }

    [Fact]
    public void Run_WaitsInDifferentWindows_NoWindowHasTwoContenders()
    {
        // The preemption above with windows of 100 s: 0-100 s only b waits, 100-200 s only a (b's wait ended at 100).
        var workload = GpuWorkloadBuilder.Of((0, GpuRequest.Whole(1), 300, "a"), (50, GpuRequest.Whole(1), 100, "b"));

        var fairness = Run(workload, GpuClusterSpec.FromGpuCount(1), new TiresiasPolicy([100]), 100);

        Assert.Equal(0, fairness.Windows);
        Assert.True(double.IsNaN(fairness.JainGpuTime));
    }

    [Fact]
    public void Run_TwoPowerLevels_EnergyIndexBelowTheGpuTimeIndex()
    {
        // A T4 (70 W at full load) and a V100M32 (300 W). a1 takes the T4 and b1 the V100 for 3,600 s while a2 and b2
        // wait behind them: window 0 has contenders a and b with 3,600 GPU-seconds each (1) but 252,000 and
        // 1,080,000 J: 1,332,000^2 / (2 x (252,000^2 + 1,080,000^2)) = 370^2 / (2 x (70^2 + 300^2)). At 3,600 s a2
        // and b2 start: their waits end with the window, so no later window has contenders.
        var cluster = new GpuClusterSpec("two", [new GpuNodeSpec("t4", 1, "T4"), new GpuNodeSpec("v100", 1, "V100M32")]);
        var t4 = GpuRequest.Whole(1, GpuModelSet.Of("T4"));
        var v100 = GpuRequest.Whole(1, GpuModelSet.Of("V100M32"));
        var workload = GpuWorkloadBuilder.Of((0, t4, 3600, "a"), (0, v100, 3600, "b"), (0, t4, 3600, "a"), (0, v100, 3600, "b"));

        var fairness = Run(workload, cluster, new GpuFifoPolicy(), 3600);

        Assert.Equal(1, fairness.Windows);
        Assert.Equal(1, fairness.EnergyWindows);
        Assert.Equal(1, fairness.JainGpuTime, 12);
        Assert.Equal(370.0 * 370 / (2 * ((70.0 * 70) + (300.0 * 300))), fairness.JainEnergy, 12);
    }

    [Fact]
    public void Run_IdleGapBeforeContention_WindowsStayOnTheGridOfTheFirstSubmission()
    {
        // One GPU, windows of 300 s from 0 s. a1 runs 0-50; at 1,000 s a2 (100 s), b1 (100 s) and a3 (100 s) arrive:
        // a2 1,000-1,100, b1 1,100-1,200, a3 1,200-1,300. Window 900-1,200 s: a (a3 waits) and b (b1 waits 1,000-1,100)
        // contend, 100 GPU-seconds each: 1. A grid starting at 1,000 s would give (200, 100) instead: 0.9.
        var workload = GpuWorkloadBuilder.Of(
            (0, GpuRequest.Whole(1), 50, "a"), (1000, GpuRequest.Whole(1), 100, "a"), (1000, GpuRequest.Whole(1), 100, "b"), (1000, GpuRequest.Whole(1), 100, "a"));

        var fairness = Run(workload, GpuClusterSpec.FromGpuCount(1), new GpuFifoPolicy(), 300);

        Assert.Equal(1, fairness.Windows);
        Assert.Equal(1, fairness.JainGpuTime, 12);
    }

    [Fact]
    public void Run_NobodyWaits_NoIndex()
    {
        var fairness = GpuUsageMetricsTests.TwoJobs().WindowedFairness;

        Assert.Equal(0, fairness.Windows);
        Assert.True(double.IsNaN(fairness.JainGpuTime));
    }

    [Fact]
    public void Constructor_WindowOfZero_IsRefused()
    {
        var workload = GpuWorkloadBuilder.Whole((0, 1, 10));
        var options = new GpuSimulationOptions { FairnessWindow = Duration.Zero };

        var error = Assert.Throws<ArgumentException>(() => new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new GpuFifoPolicy(), new ConsolidatePlacement(), options));

        Assert.Contains("fairness window", error.Message, StringComparison.Ordinal);
    }

    private static GpuWindowedFairness Run(GpuWorkload workload, GpuClusterSpec cluster, IGpuPolicy policy, int windowSeconds)
    {
        var options = new GpuSimulationOptions { FairnessWindow = Duration.FromSeconds(windowSeconds) };
        return new GpuSimulator(workload, cluster, policy, new ConsolidatePlacement(), options).Run().WindowedFairness;
    }
}
