using Augur.Core.Clusters;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Simulation.Engine;
using Augur.Testing;

namespace Augur.Simulation.Tests.Engine;

/// <summary>
/// The order of events at one instant (docs/simulation.md, pyss's order): estimate expiries, then
/// submissions (in file order), then terminations (in start order), then wake-ups.
/// </summary>
public sealed class EventOrderTests
{
    [Fact]
    public void Run_EventsAtOneInstant_SubmissionsThenTerminationsInStartOrderThenWakeUps()
    {
        // 10 procs. The script asks at 0 for wake-ups at 0 and 100, and at every wake-up starts all waiting
        // jobs in REVERSE arrival order (so start order differs from file order).
        //   0:   Submission 1, Submission 2, WakeUp (starts 2, then 1)
        //   J1 |0====100|  (requested 100: ends at its request)
        //   J2 |0====100|  (requested 200: ends early)
        //   100: Submission 3, Submission 4 (file order), Termination 2, Termination 1 (start order),
        //        WakeUp (starts 4, then 3)
        //   J3           |100=110|
        //   J4           |100=110|
        //   110: Termination 4, Termination 3
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 2, run: 100, requested: 100)
            .Job(submit: 0, processors: 2, run: 100, requested: 200)
            .Job(submit: 100, processors: 2, run: 10, requested: 10)
            .Job(submit: 100, processors: 2, run: 10, requested: 10)
            .Build();
        var policy = new ScriptedPolicy(script: context =>
        {
            if (context.Trigger == DecisionTrigger.Submission && context.TriggerJob!.Id == 1)
            {
                context.WakeAt(Instant.Zero);
                context.WakeAt(Instant.FromSeconds(100));
            }
            else if (context.Trigger == DecisionTrigger.WakeUp)
            {
                foreach (var job in ScriptedPolicy.WaitingJobs(context).Reverse())
                {
                    context.Start(job);
                }
            }
        });

        var result = Simulator.Run(workload, ClusterSpec.FromProcessors(10), policy);

        Assert.Equal(
            [
                "0 Submission 1", "0 Submission 2", "0 WakeUp",
                "100 Submission 3", "100 Submission 4", "100 Termination 2", "100 Termination 1", "100 WakeUp",
                "110 Termination 4", "110 Termination 3",
            ],
            policy.Log);
        Assert.Equal(10, result.Events);
    }

    [Fact]
    public void Run_ManySubmissionsAtOneInstant_HandledInFileOrder()
    {
        var builder = new WorkloadBuilder();
        for (var i = 0; i < 6; i++)
        {
            builder.Job(submit: 50, processors: 1, run: 1, requested: 1, id: 100 - i);
        }

        var policy = new ScriptedPolicy();

        Simulator.Run(builder.Build(), ClusterSpec.FromProcessors(4), policy);

        Assert.Equal(["50 Submission 100", "50 Submission 99", "50 Submission 98", "50 Submission 97", "50 Submission 96", "50 Submission 95"], policy.Log);
    }

    [Fact]
    public void Run_JobEndsAtAnotherJobsSubmission_SubmissionComesFirst()
    {
        // J1 ends at 30 exactly when J2 is submitted: the policy hears of J2 first.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 1, run: 30, requested: 60)
            .Job(submit: 30, processors: 1, run: 5, requested: 5)
            .Build();
        var policy = new ScriptedPolicy(script: ScriptedPolicy.FirstFit);

        Simulator.Run(workload, ClusterSpec.FromProcessors(1), policy);

        Assert.Equal(["0 Submission 1", "30 Submission 2", "30 Termination 1", "35 Termination 2"], policy.Log);
    }

    [Fact]
    public void Run_SameWakeUpAskedTwice_OneDecision()
    {
        var workload = new WorkloadBuilder().Job(submit: 0, processors: 1, run: 5, requested: 5).Build();
        var policy = new ScriptedPolicy(script: context =>
        {
            if (context.Trigger == DecisionTrigger.Submission)
            {
                context.WakeAt(Instant.FromSeconds(20));
                context.WakeAt(Instant.FromSeconds(20));
                context.WakeAt(Instant.MaxValue); // never: ignored
                context.Start(context.TriggerJob!);
            }
            else if (context.Trigger == DecisionTrigger.WakeUp)
            {
                context.WakeAt(context.Now); // now, from a wake-up at now: ignored, no endless loop
            }
        });

        Simulator.Run(workload, ClusterSpec.FromProcessors(1), policy);

        Assert.Equal(["0 Submission 1", "5 Termination 1", "20 WakeUp"], policy.Log);
    }

    [Fact]
    public void DecisionTrigger_Values_FollowTheDocumentedOrderAndMatchDecisionTrigger()
    {
        Assert.True(DecisionTrigger.EstimateExpired < DecisionTrigger.Submission);
        Assert.True(DecisionTrigger.Submission < DecisionTrigger.Termination);
        Assert.True(DecisionTrigger.Termination < DecisionTrigger.WakeUp);
        Assert.Equal(Enum.GetNames<DecisionTrigger>(), Enum.GetNames<DecisionTrigger>());
        foreach (var kind in Enum.GetValues<DecisionTrigger>())
        {
            Assert.Equal((int)kind, (int)Enum.Parse<DecisionTrigger>(kind.ToString()));
        }
    }

    [Fact]
    public void Precedes_SameInstant_KindThenSequence()
    {
        var expiry = new SimulationEvent(100, DecisionTrigger.EstimateExpired, 9, 0);
        var submission = new SimulationEvent(100, DecisionTrigger.Submission, 5, 0);
        var termination = new SimulationEvent(100, DecisionTrigger.Termination, 1, 0);
        var laterTermination = new SimulationEvent(100, DecisionTrigger.Termination, 2, 0);
        var wakeUp = new SimulationEvent(100, DecisionTrigger.WakeUp, 0, -1);
        var earlierWakeUp = new SimulationEvent(99, DecisionTrigger.WakeUp, 50, -1);

        Assert.True(expiry.Precedes(submission));
        Assert.True(submission.Precedes(termination));
        Assert.True(termination.Precedes(laterTermination));
        Assert.True(laterTermination.Precedes(wakeUp));
        Assert.True(earlierWakeUp.Precedes(expiry));
        Assert.False(submission.Precedes(expiry));
        Assert.False(termination.Precedes(termination));
    }

    [Fact]
    public void EventHeap_ShuffledEvents_PopInTimeKindSequenceOrder()
    {
        var random = new Random(17);
        var events = new List<SimulationEvent>();
        for (var sequence = 0; sequence < 2000; sequence++)
        {
            events.Add(new SimulationEvent(random.Next(0, 50), (DecisionTrigger)random.Next(0, 4), sequence, sequence));
        }

        var heap = new EventHeap(capacity: 4);
        foreach (var item in events.OrderBy(_ => random.Next()))
        {
            heap.Push(item);
        }

        var popped = new List<SimulationEvent>();
        while (heap.Count > 0)
        {
            popped.Add(heap.Pop());
        }

        var expected = events.OrderBy(e => e.Time).ThenBy(e => e.Kind).ThenBy(e => e.Sequence).ToList();
        Assert.Equal(expected, popped);
    }
}
