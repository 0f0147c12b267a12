using Augur.Core.Clusters;
using Augur.Core.Resources;
using Augur.Core.Scheduling;
using Augur.Core.Scheduling.Gpu;
using Augur.Core.Time;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;

namespace Augur.Simulation.Tests.Gpu;

public sealed class GpuSimulatorTests
{
    private static long[] StartSeconds(GpuSimulationResult result) => result.Starts.Select(s => s.WholeSeconds).ToArray();

    private static long[] EndSeconds(GpuSimulationResult result) => result.Ends.Select(s => s.WholeSeconds).ToArray();

    [Fact]
    public void Run_Fifo_StartsInArrivalOrderAndFillsBehindAJobThatFits()
    {
        // One node of 4 GPUs. A (t 0, 4 GPUs, 100 s) runs 0-100. At 100, B (2 GPUs) and C (1 GPU) both fit: 100-150 and 100-110.
        var workload = GpuJobs.Whole((0, 4, 100), (10, 2, 50), (20, 1, 10));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(4), new GpuFifoPolicy(), new ConsolidatePlacement()).Run();

        Assert.Equal([0L, 100, 100], StartSeconds(result));
        Assert.Equal([100L, 150, 110], EndSeconds(result));
    }

    [Fact]
    public void Run_FifoWithABlockedHead_LaterJobsWaitBehindIt()
    {
        // 4 GPUs. A (2 GPUs, 0-100); B asks 4 at t 1 and blocks; C (1 GPU) at t 2 would fit now but waits behind B.
        // B runs 100-110, then C 110-115.
        var workload = GpuJobs.Whole((0, 2, 100), (1, 4, 10), (2, 1, 5));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(4), new GpuFifoPolicy(), new ConsolidatePlacement()).Run();

        Assert.Equal([0L, 100, 110], StartSeconds(result));
    }

    [Fact]
    public void Run_SjfWithClairvoyantPredictions_StartsTheShortestWaitingJobFirst()
    {
        // 4 GPUs, every job takes all 4. A runs 0-100; at 100 B (50 s) and C (10 s) wait: C 100-110, then B 110-160.
        var workload = GpuJobs.Whole((0, 4, 100), (10, 4, 50), (20, 4, 10));

        var result = new GpuSimulator(
            workload, GpuClusterSpec.FromGpuCount(4), new GpuShortestJobFirstPolicy(), new ConsolidatePlacement(),
            predictions: GpuJobs.Clairvoyant(workload), predictorId: "predictor/clairvoyant").Run();

        Assert.Equal([0L, 110, 100], StartSeconds(result));
        Assert.Equal([100L, 160, 110], EndSeconds(result));
        Assert.Equal("predictor/clairvoyant", result.PredictorId);
    }

    [Fact]
    public void Run_SpreadGangOnTwoNodes_RunsSlowerByTheFactor()
    {
        // Two nodes of 4; 2 GPUs spread over both nodes although one would do: 100 s x 1.25 = 125 s.
        var workload = GpuJobs.Whole((0, 2, 100));
        var cluster = GpuClusterSpec.FromGpuCount(8, 4);

        var spread = new GpuSimulator(workload, cluster, new GpuFifoPolicy(), new SpreadPlacement()).Run();
        var consolidated = new GpuSimulator(workload, cluster, new GpuFifoPolicy(), new ConsolidatePlacement()).Run();

        Assert.Equal(125, spread.RunOf(0).WholeSeconds);
        Assert.True(spread.Slowed[0]);
        Assert.Equal(2, spread.NodesSpanned[0]);
        Assert.Equal(100, consolidated.RunOf(0).WholeSeconds);
        Assert.Equal(1, consolidated.NodesSpanned[0]);
    }

    [Fact]
    public void Run_GangLargerThanANode_IsNotSlowedForTheNodesItNeeds()
    {
        // 6 GPUs on nodes of 4 need ceil(6 / 4) = 2 nodes: no slowdown; with a factor of 2 set, still 100 s.
        var workload = GpuJobs.Whole((0, 6, 100));
        var options = new GpuSimulationOptions { SpreadSlowdown = 2 };

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(8, 4), new GpuFifoPolicy(), new ConsolidatePlacement(), options).Run();

        Assert.Equal(2, result.NodesSpanned[0]);
        Assert.Equal(100, result.RunOf(0).WholeSeconds);
        Assert.Equal([0, 1, 2, 3, 4, 5], result.GpusOf(0).ToArray());
    }

    [Fact]
    public void Run_TwoHalfGpuShares_RunTogetherOnOneGpu()
    {
        // One GPU; 500 + 500 milli fit together; a third share of 100 waits for one of them (ends at 50).
        var workload = GpuJobs.Of((0, GpuRequest.Fraction(500), 100), (0, GpuRequest.Fraction(500), 50), (1, GpuRequest.Fraction(100), 10));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new GpuFifoPolicy(), new BestFitPlacement()).Run();

        Assert.Equal([0L, 0, 50], StartSeconds(result));
    }

    [Fact]
    public void Constructor_JobLargerThanTheCluster_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new GpuSimulator(GpuJobs.Whole((0, 16, 1)), GpuClusterSpec.FromGpuCount(8), new GpuFifoPolicy(), new ConsolidatePlacement()));

        Assert.StartsWith("job j0 needs 16 GPUs but the cluster has 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_JobWhoseCpuNoNodeHolds_Throws()
    {
        // One node of 8 GPUs with 16 cores; a 1-GPU job asking 32 cores could never start and would block FIFO.
        var cluster = new GpuClusterSpec("small", [new GpuNodeSpec("n0", 8, "V100", 16_000, 65_536)]);
        var workload = GpuJobs.Of((0, GpuRequest.Whole(1), 10), (0, new GpuRequest(1, 1000, 32_000, 1_024), 10));

        var error = Assert.Throws<ArgumentException>(() => new GpuSimulator(workload, cluster, new GpuFifoPolicy(), new ConsolidatePlacement()));

        Assert.StartsWith("job j1 can never be placed: the nodes can host at most 0 of its 1 GPUs with their share of its 32000 CPU milli-cores", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SjfWithoutPredictions_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new GpuSimulator(GpuJobs.Whole((0, 1, 1)), GpuClusterSpec.FromGpuCount(8), new GpuShortestJobFirstPolicy(), new ConsolidatePlacement()));

        Assert.StartsWith("gpu/sjf orders jobs by predicted run time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PolicyStartsAJobTwice_FailsNamingThePolicy()
    {
        var workload = GpuJobs.Whole((0, 1, 10));

        var error = Assert.Throws<InvalidDecisionException>(() => new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(4), new StartTwicePolicy(), new ConsolidatePlacement()).Run());

        Assert.Equal("test/twice started job j0, which is not waiting (at t+0s).", error.Message);
    }

    [Fact]
    public void Run_PolicyPlacesOnABusyGpu_FailsNamingThePolicyAndTheProblem()
    {
        var workload = GpuJobs.Whole((0, 1, 10), (0, 1, 10));

        var error = Assert.Throws<InvalidDecisionException>(() => new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(4), new SameGpuPolicy(), new ConsolidatePlacement()).Run());

        Assert.StartsWith("test/same-gpu with place/consolidate placed job j1 where it cannot run: GPU 0 has 0 milli free, 1000 asked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_FifoSchedule_HandComputed()
    {
        // The first test's schedule: JCT A 100, B 150 - 10 = 140, C 110 - 20 = 90; delays 0, 90, 80.
        var workload = GpuJobs.Whole((0, 4, 100), (10, 2, 50), (20, 1, 10));
        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(4), new GpuFifoPolicy(), new ConsolidatePlacement()).Run();

        var metrics = GpuScheduleMetrics.Compute(result);

        // Mean (100 + 140 + 90) / 3 = 110; sorted 90, 100, 140: median 100; p95 at rank 2 x 0.95 = 1.9: 100 + 0.9 x 40 = 136.
        Assert.Equal(110, metrics.JctMean, 9);
        Assert.Equal(100, metrics.JctMedian, 9);
        Assert.Equal(136, metrics.JctP95, 9);

        // Delays (0 + 90 + 80) / 3 = 56.667; sorted 0, 80, 90: median 80.
        Assert.Equal(170.0 / 3, metrics.QueueingDelayMean, 9);
        Assert.Equal(80, metrics.QueueingDelayMedian, 9);

        // Makespan 150 - 0; GPU-seconds 4 x 100 + 2 x 50 + 1 x 10 = 510 over 4 GPUs x 150 s = 0.85.
        Assert.Equal(150, metrics.Makespan, 9);
        Assert.Equal(0.85, metrics.GpuAllocation, 9);
    }

    [Fact]
    public void Constructor_NegativeCheckpointRestore_Throws()
    {
        var options = new GpuSimulationOptions { CheckpointRestore = Duration.FromSeconds(-1) };

        var error = Assert.Throws<ArgumentException>(() => new GpuSimulator(GpuJobs.Whole((0, 1, 1)), GpuClusterSpec.FromGpuCount(1), new GpuFifoPolicy(), new ConsolidatePlacement(), options));

        Assert.StartsWith("The checkpoint-restore time must be at least 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PolicyWakesAtNowOnEveryDecision_EndsWithOneWakeUpPerInstant()
    {
        // A (0 s, 1 GPU, 10 s). Decisions: 0 s (submission; asks to wake at 0), 0 s (the wake-up; its ask at 0
        // is dropped), 10 s (the end; asks to wake at 10, but every job has finished, so the run is over): 3
        // decisions, A ends at 10.
        var workload = GpuJobs.Whole((0, 1, 10));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new WakeNowPolicy(), new ConsolidatePlacement()).Run();

        Assert.Equal(3, result.DecisionPoints);
        Assert.Equal(10, result.Ends[0].WholeSeconds);
    }

    /// <summary>Starts what it can and asks to wake at the current instant every time; gives up after 100 decisions (a loop).</summary>
    private sealed class WakeNowPolicy : IGpuPolicy
    {
        private int decisions;

        public string Id => "test/wake-now";

        public bool NeedsPredictions => false;

        public void Decide(GpuSchedulingContext context)
        {
            if (++decisions > 100)
            {
                throw new InvalidOperationException("The driver keeps deciding at the same instant.");
            }

            foreach (var job in context.Arrived)
            {
                context.TryStart(job);
            }

            context.WakeAt(context.Now);
        }
    }

    private sealed class StartTwicePolicy : IGpuPolicy
    {
        public string Id => "test/twice";

        public bool NeedsPredictions => false;

        public void Decide(GpuSchedulingContext context)
        {
            if (context.Arrived.Count > 0)
            {
                context.TryStart(0);
                context.TryStart(0);
            }
        }
    }

    private sealed class SameGpuPolicy : IGpuPolicy
    {
        public string Id => "test/same-gpu";

        public bool NeedsPredictions => false;

        public void Decide(GpuSchedulingContext context)
        {
            var allocation = new GpuAllocation();
            allocation.AddGpu(0);
            foreach (var job in context.Arrived)
            {
                context.Start(job, allocation);
            }
        }
    }
}
