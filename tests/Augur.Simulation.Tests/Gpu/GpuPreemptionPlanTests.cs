using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Resources;
using Augur.Core.Scheduling;
using Augur.Core.Scheduling.Gpu;
using Augur.Core.Time;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;
using Augur.Testing;

namespace Augur.Simulation.Tests.Gpu;

public sealed class GpuPreemptionPlanTests
{
    [Fact]
    public void Run_TiresiasWhenTheFreedGpusAreOfTheWrongModel_DoesNotPreempt()
    {
        // Node a: 4 GPUs of model A; node b: 4 of model B. Threshold 100 GPU-s. J0 (0 s, 4 A, 1000 s) is demoted at
        // 25 s. J1 (30 s, 4 B, 20 s) runs 30-50 on b. J2 (40 s, 4 B, 10 s) is admitted by the GPU count (8 GPUs:
        // J1 4 + J2 4), and J0, not admitted, would be preempted for it; but J0's GPUs are model A, so the plan
        // keeps J0 running: it ends at 1000 without a preemption. J2 starts when J1 ends: 50-60.
        var cluster = new GpuClusterSpec("two models", [new GpuNodeSpec("a", 4, "A"), new GpuNodeSpec("b", 4, "B")]);
        var workload = GpuWorkloadBuilder.Of(
            (0, GpuRequest.Whole(4, GpuModelSet.Of("A")), 1000, "vc"),
            (30, GpuRequest.Whole(4, GpuModelSet.Of("B")), 20, "vc"),
            (40, GpuRequest.Whole(4, GpuModelSet.Of("B")), 10, "vc"));

        var result = new GpuSimulator(workload, cluster, new TiresiasPolicy([100]), new ConsolidatePlacement()).Run();

        Assert.Equal([0L, 30, 50], result.Starts.Select(s => s.WholeSeconds));
        Assert.Equal([1000L, 50, 60], result.Ends.Select(s => s.WholeSeconds));
        Assert.Equal([0, 0, 0], result.Preemptions);
    }

    [Fact]
    public void Run_SrtfWithAVictimOnAnotherNode_PreemptsOnlyTheJobWhoseNodeItTakes()
    {
        // Two nodes of 2 GPUs. At 0: J2 (1 GPU, 400 s) on node 0, J1 (2 GPUs, 500 s) on node 1, J0 (1 GPU, 1000 s) on
        // node 0 (shortest first). At 10 s J3 (2 GPUs, 100 s) finds no GPU free. Victims, longest left first: J0
        // (990 s), J1 (490 s), J2 (390 s). Without J0 node 0 has 1 GPU free, not enough; without J1 too, J3 fits
        // node 1. J0 shares no node with J3, so it keeps running; only J1 is preempted. J3 runs 10-110; J1 resumes
        // at 110 with the 30 s restore and 490 s left: 630.
        var workload = GpuJobs.Whole((0, 1, 1000), (0, 2, 500), (0, 1, 400), (10, 2, 100));

        var result = new GpuSimulator(
            workload, GpuClusterSpec.FromGpuCount(4, 2), new ShortestRemainingTimeFirstPolicy(), new ConsolidatePlacement(), predictions: GpuJobs.Clairvoyant(workload)).Run();

        Assert.Equal([0L, 0, 0, 10], result.Starts.Select(s => s.WholeSeconds));
        Assert.Equal([1000L, 630, 400, 110], result.Ends.Select(s => s.WholeSeconds));
        Assert.Equal([0, 1, 0, 0], result.Preemptions);
    }

    [Fact]
    public void Run_WithALearningPredictor_PredictsFromJobsThatEndedBeforeTheSubmission()
    {
        // J0 (0 s, 10 s) ends at 10, when J1 is submitted: submissions come first, so J1's prediction has learned
        // nothing. J1 (10 s, 5 s) ends at 15; J2, at 20 s, is predicted after both ends.
        var workload = GpuJobs.Whole((0, 1, 10), (10, 1, 5), (20, 1, 1));
        var predictor = new CountingPredictor();

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new GpuShortestJobFirstPolicy(), new ConsolidatePlacement(), predictor).Run();

        Assert.Equal([0, 0, 2], predictor.LearnedBeforePrediction);
        Assert.Equal("predictor/counting", result.PredictorId);
        Assert.False(result.PredictorIsOracle);
    }

    [Theory]
    [InlineData(false, "A plan started job number 0, which is not waiting or is already in the plan")]
    [InlineData(true, "A plan preempted job number 1, which is not running")]
    public void Run_PlanMisused_FailsWithAnInvalidDecision(bool waitingVictim, string message)
    {
        // Two jobs wait on one GPU at 0 s: planning job 0 twice, or offering waiting job 1 as a victim, is refused.
        var workload = GpuJobs.Whole((0, 1, 10), (0, 1, 10));

        var exception = Assert.Throws<InvalidDecisionException>(() =>
            new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new MisusedPlan(waitingVictim), new ConsolidatePlacement()).Run());

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Starts job 0 through the plan, then either plans it again or offers waiting job 1 as a victim for job 1.</summary>
    private sealed class MisusedPlan(bool waitingVictim) : IGpuPolicy
    {
        public string Id => "test/misused-plan";

        public bool NeedsPredictions => false;

        public void Decide(GpuSchedulingContext context)
        {
            var plan = context.Plan;
            plan.Begin();
            plan.TryStart(0);
            if (waitingVictim)
            {
                plan.TryStart(1, [1]);
            }
            else
            {
                plan.TryStart(0);
            }
        }
    }

    /// <summary>Predicts nothing useful; records how many ends it had learned from when each job was predicted.</summary>
    private sealed class CountingPredictor : IGpuPredictor
    {
        private int learned;

        public List<int> LearnedBeforePrediction { get; } = [];

        public string Id => "predictor/counting";

        public Duration Predict(GpuJobRequest job, Instant now)
        {
            LearnedBeforePrediction.Add(learned);
            return Duration.FromSeconds(1);
        }

        public void Learn(GpuJobRequest job, Duration runTime, Instant end) => learned++;
    }
}
