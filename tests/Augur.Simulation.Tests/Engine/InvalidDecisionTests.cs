using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Simulation.Engine;
using Augur.Testing;

namespace Augur.Simulation.Tests.Engine;

/// <summary>The driver checks every decision and rejects an invalid one with an error naming the policy.</summary>
public sealed class InvalidDecisionTests
{
    private const string PolicyId = "test/misbehaving";

    [Fact]
    public void StartJob_SameJobTwice_ThrowsNamingPolicyAndJob()
    {
        var workload = new WorkloadBuilder().Job(submit: 0, processors: 1, run: 10, requested: 10).Build();
        var policy = new ScriptedPolicy(PolicyId, context =>
        {
            context.Start(context.TriggerJob!);
            context.Start(context.TriggerJob!);
        });

        var error = Run(workload, 4, policy);

        Assert.Contains($"policy {PolicyId}", error.Message, StringComparison.Ordinal);
        Assert.Contains("job 1 twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartJob_JobStartedInAnEarlierDecision_ThrowsTwice()
    {
        var workload = new WorkloadBuilder().Job(submit: 0, processors: 1, run: 10, requested: 10).Build();
        var policy = new ScriptedPolicy(PolicyId, context =>
        {
            if (context.Trigger == DecisionTrigger.Submission)
            {
                context.Start(context.TriggerJob!);
            }
            else if (context.Trigger == DecisionTrigger.Termination)
            {
                context.Start(context.Ended.Request);
            }
        });

        var error = Run(workload, 4, policy);

        Assert.Contains($"policy {PolicyId}", error.Message, StringComparison.Ordinal);
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartJob_JobNotYetSubmitted_ThrowsNotWaiting()
    {
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 1, run: 10, requested: 10)
            .Job(submit: 100, processors: 1, run: 10, requested: 10)
            .Build();
        var future = workload.Jobs[1].Request;
        var policy = new ScriptedPolicy(PolicyId, context => context.Start(future));

        var error = Run(workload, 4, policy);

        Assert.Contains($"policy {PolicyId}", error.Message, StringComparison.Ordinal);
        Assert.Contains("job 2, which is not waiting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartJob_JobFromAnotherWorkload_ThrowsNotInWorkload()
    {
        var workload = new WorkloadBuilder().Job(submit: 0, processors: 1, run: 10, requested: 10).Build();
        var stranger = new JobRequest(0, 77, Instant.Zero, 1, Duration.FromSeconds(10));
        var policy = new ScriptedPolicy(PolicyId, context => context.Start(stranger));

        var error = Run(workload, 4, policy);

        Assert.Contains($"policy {PolicyId}", error.Message, StringComparison.Ordinal);
        Assert.Contains("job 77", error.Message, StringComparison.Ordinal);
        Assert.Contains("not in this run's workload", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartJob_MoreProcessorsThanFree_ThrowsOverAllocation()
    {
        // 10 procs: J1 (6) starts; J2 (6) is started although only 4 are free.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 6, run: 10, requested: 10)
            .Job(submit: 1, processors: 6, run: 10, requested: 10)
            .Build();
        var policy = new ScriptedPolicy(PolicyId, context => context.Start(context.TriggerJob!));

        var error = Run(workload, 10, policy);

        Assert.Contains($"policy {PolicyId}", error.Message, StringComparison.Ordinal);
        Assert.Contains("job 2 needing 6 processors", error.Message, StringComparison.Ordinal);
        Assert.Contains("only 4 of 10 were free", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartJob_ProcessorsOfAJobThatEndedEarlyButNotYetTerminated_AreNotFreeForThePolicy()
    {
        // J1 truly ends at 30 (early), but its termination comes after J2's submission at 30: in the policy's
        // view J1 still holds its processors until 100. A start on them must fail, or its success would tell
        // the policy that J1 has ended before the driver says so (no peeking).
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 4, run: 30, requested: 100)
            .Job(submit: 30, processors: 4, run: 10, requested: 10)
            .Build();
        var policy = new ScriptedPolicy(PolicyId, context =>
        {
            if (context.Trigger == DecisionTrigger.Submission)
            {
                context.Start(context.TriggerJob!);
            }
        });

        var error = Run(workload, 4, policy);

        Assert.Contains("job 2 needing 4 processors at t+30s, when only 0 of 4 were free", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WakeAt_InThePast_ThrowsNamingPolicy()
    {
        var workload = new WorkloadBuilder()
            .Job(submit: 100, processors: 1, run: 10, requested: 10)
            .Build();
        var policy = new ScriptedPolicy(PolicyId, context => context.WakeAt(Instant.FromSeconds(50)));

        var error = Run(workload, 4, policy);

        Assert.Contains($"policy {PolicyId}", error.Message, StringComparison.Ordinal);
        Assert.Contains("wake at t+50s, before now (t+100s)", error.Message, StringComparison.Ordinal);
    }

    private static InvalidDecisionException Run(Workload workload, int processors, IPolicy policy) =>
        Assert.Throws<InvalidDecisionException>(() => Simulator.Run(workload, ClusterSpec.FromProcessors(processors), policy));
}
