using Augur.Core.Clusters;
using Augur.Core.Scheduling;
using Augur.Core.Scheduling.Gpu;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Simulation.Gpu;

namespace Augur.Simulation.Tests.Gpu;

public sealed class GpuPreemptionTests
{
    [Fact]
    public void Run_TiresiasOnOneGpu_DemotesPreemptsAndResumesWithTheRestoreTime()
    {
        // One GPU, threshold 100 GPU-seconds, restore 30 s. A (0 s, 300 s) runs; B arrives at 50 s but queue 0 is
        // full. At 100 s A has held 100 GPU-s: demoted to queue 1 and preempted with 200 s left; B starts (100-200).
        // At 200 s B ends (100 GPU-s, so its demotion and its end coincide); A resumes: 200 + 30 + 200 = 430.
        var workload = GpuJobs.Whole((0, 1, 300), (50, 1, 100));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new TiresiasPolicy([100]), new ConsolidatePlacement()).Run();

        Assert.Equal([0L, 100], result.Starts.Select(s => s.WholeSeconds));
        Assert.Equal([430L, 200], result.Ends.Select(s => s.WholeSeconds));
        Assert.Equal([1, 0], result.Preemptions);

        // A held its GPU 100 s, then 230 s (restore included): 330 GPU-seconds.
        Assert.Equal(330, result.HeldGpuSeconds[0], 9);
        Assert.Equal(1, GpuScheduleMetrics.Compute(result).Preemptions);
    }

    [Fact]
    public void Run_TiresiasPreemption_StaleEndOfThePreemptedRunIsNoDecisionPoint()
    {
        // The case above: A (0 s, 300 s), B (50 s, 100 s), one GPU, threshold 100 GPU-seconds. Decisions: 0 s (A
        // arrives), 50 s (B arrives), 100 s (A's demotion wake-up: A preempted, B starts), 200 s (B ends), 430 s
        // (A ends): 5. At 300 s only the end of A's first run falls due; that run was preempted, so it is no decision.
        var workload = GpuJobs.Whole((0, 1, 300), (50, 1, 100));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new TiresiasPolicy([100]), new ConsolidatePlacement()).Run();

        Assert.Equal(5, result.DecisionPoints);
        Assert.Equal([430L, 200], result.Ends.Select(s => s.WholeSeconds));
    }

    [Fact]
    public void Run_TiresiasWithEveryGpuAdmitted_StartsACpuOnlyJob()
    {
        // One GPU. A (0 s, 1 GPU, 300 s) holds it; B (10 s, 0 GPUs, 50 s) arrives with the GPU budget at 0 but
        // needs none of it, so it starts at once: 10 + 50 = 60. A, alone on its GPU, ends at 300.
        var workload = GpuJobs.Whole((0, 1, 300), (10, 0, 50));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new TiresiasPolicy(), new ConsolidatePlacement()).Run();

        Assert.Equal([0L, 10], result.Starts.Select(s => s.WholeSeconds));
        Assert.Equal([300L, 60], result.Ends.Select(s => s.WholeSeconds));
    }

    [Fact]
    public void Run_PreemptionDuringTheRestore_KeepsTheWorkLeft()
    {
        // A (0 s, 100 s) is preempted at 10 s (90 s left), resumed at 20 s (restore until 50 s), preempted at 40 s:
        // still in its restore, so no progress; resumed at 60 s: 60 + 30 + 90 = 180.
        var workload = GpuJobs.Whole((0, 1, 100));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(1), new ScriptedPreemptions([10, 20, 40, 60]), new ConsolidatePlacement()).Run();

        Assert.Equal(180, result.Ends[0].WholeSeconds);
        Assert.Equal(2, result.Preemptions[0]);
    }

    [Fact]
    public void Metrics_JobPreemptedAndNeverResumed_LeftOutAndCountedAsNeverFinished()
    {
        // Two GPUs. A (0 s, 1 GPU, 100 s) starts at 0 and is preempted at 10 s, never to resume; B (0 s, 1 GPU,
        // 50 s) starts at 0 and ends at 50. Metrics over B alone: JCT 50, delay 0, makespan 50 - 0 = 50,
        // allocation 50 GPU-s / (2 GPUs x 50 s) = 0.5; A's one preemption still counts.
        var workload = GpuJobs.Whole((0, 1, 100), (0, 1, 50));

        var result = new GpuSimulator(workload, GpuClusterSpec.FromGpuCount(2), new PreemptFirstForever(), new ConsolidatePlacement()).Run();
        var metrics = GpuScheduleMetrics.Compute(result);

        Assert.True(result.Started(0));
        Assert.False(result.Finished(0));
        Assert.Equal(1, metrics.Jobs);
        Assert.Equal(0, metrics.NeverStarted);
        Assert.Equal(1, metrics.NeverFinished);
        Assert.Equal(50, metrics.JctMean, 9);
        Assert.Equal(50, metrics.Makespan, 9);
        Assert.Equal(0.5, metrics.GpuAllocation, 9);
        Assert.Equal(1, metrics.Preemptions);
    }

    [Fact]
    public void Run_PreemptingAWaitingJob_FailsNamingThePolicy()
    {
        var error = Assert.Throws<InvalidDecisionException>(() => new GpuSimulator(GpuJobs.Whole((0, 1, 10)), GpuClusterSpec.FromGpuCount(1), new PreemptWaitingPolicy(), new ConsolidatePlacement()).Run());

        Assert.Equal("test/preempt-waiting preempted job number 0, which is not running (at t+0s).", error.Message);
    }

    /// <summary>Starts every job on arrival, preempts job 0 at 10 s and never starts it again.</summary>
    private sealed class PreemptFirstForever : IGpuPolicy
    {
        public string Id => "test/preempt-forever";

        public bool NeedsPredictions => false;

        public void Decide(GpuSchedulingContext context)
        {
            foreach (var job in context.Arrived)
            {
                context.TryStart(job);
            }

            if (context.Now.WholeSeconds == 10 && context.Running.Contains(0))
            {
                context.Preempt(0);
            }
            else if (context.Now.WholeSeconds < 10)
            {
                context.WakeAt(Core.Time.Instant.FromSeconds(10));
            }
        }
    }

    /// <summary>Starts job 0 at time 0 and toggles it (preempt, start, ...) at the given seconds.</summary>
    private sealed class ScriptedPreemptions(int[] toggles) : IGpuPolicy
    {
        public string Id => "test/toggle";

        public bool NeedsPredictions => false;

        public void Decide(GpuSchedulingContext context)
        {
            var seconds = context.Now.WholeSeconds;
            if (seconds == 0 || (Array.IndexOf(toggles, (int)seconds) >= 0 && context.Waiting.Contains(0)))
            {
                context.TryStart(0);
            }
            else if (Array.IndexOf(toggles, (int)seconds) >= 0 && context.Running.Contains(0))
            {
                context.Preempt(0);
            }

            foreach (var toggle in toggles)
            {
                if (toggle > seconds)
                {
                    context.WakeAt(Core.Time.Instant.FromSeconds(toggle));
                    break;
                }
            }
        }
    }

    private sealed class PreemptWaitingPolicy : IGpuPolicy
    {
        public string Id => "test/preempt-waiting";

        public bool NeedsPredictions => false;

        public void Decide(GpuSchedulingContext context) => context.Preempt(0);
    }
}
