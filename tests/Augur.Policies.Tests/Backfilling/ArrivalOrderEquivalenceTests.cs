using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Policies.Backfilling;
using Augur.Policies.Queueing;
using Augur.Simulation;
using Augur.Simulation.Engine;
using Augur.Testing;

namespace Augur.Policies.Tests.Backfilling;

/// <summary>
/// Differential tests on seeded random workloads (up to 3,000 jobs of 1..64 processors on 64 processors,
/// bursts of equal submit times, some jobs killed at their request, some without a request): EASY in
/// arrival order takes an indexed fast path (ArrivalOrderPass) while other orders take the generic pass; an
/// order that scores like arrival but does not say so forces the generic path, and both must give the same
/// schedule. The same holds for queue/fcfs and conservative backfilling. Naive references of EASY
/// (<see cref="ReferenceEasyPolicy"/>) and conservative backfilling (<see cref="ReferenceConservativePolicy"/>)
/// check the optimized policies job by job.
/// </summary>
public sealed class ArrivalOrderEquivalenceTests
{
    private const int Processors = 64;
    private const int Jobs = 3000;
    private const int LightLoadGapSeconds = 3000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(2024)]
    public void Easy_ArrivalOrderFastPathAndGenericPass_GiveIdenticalSchedules(int seed)
    {
        var workload = RandomWorkload.Create(seed, Jobs, Processors);

        var fast = Run(workload, new EasyBackfillingPolicy());
        var generic = Run(workload, new EasyBackfillingPolicy(new ArrivalScoredOrder()));

        AssertMeaningful(fast);
        AssertSameSchedule(fast, generic);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void Easy_ShortGapsLongQueues_FastPathAndGenericPassAgree(int seed)
    {
        // Heavy overload: the queue grows to thousands, exercising the queue's compaction and index.
        var workload = RandomWorkload.Create(seed, Jobs, Processors, maxGapSeconds: 120);

        var fast = Run(workload, new EasyBackfillingPolicy());
        var generic = Run(workload, new EasyBackfillingPolicy(new ArrivalScoredOrder()));

        AssertSameSchedule(fast, generic);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Easy_SomeJobsWithoutRequestedTime_FastPathAndGenericPassAgree(int seed)
    {
        var workload = RandomWorkload.Create(seed, Jobs, Processors, withoutRequestShare: 0.02);

        var fast = Run(workload, new EasyBackfillingPolicy());
        var generic = Run(workload, new EasyBackfillingPolicy(new ArrivalScoredOrder()));

        AssertSameSchedule(fast, generic);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2024)]
    public void Easy_ArrivalOrder_MatchesTheNaiveReference(int seed)
    {
        var workload = RandomWorkload.Create(seed, Jobs, Processors);

        var policy = Run(workload, new EasyBackfillingPolicy());
        var reference = Run(workload, new ReferenceEasyPolicy(new ArrivalOrder()));

        AssertSameSchedule(reference, policy);
    }

    [Theory]
    [InlineData("order/sjf", 4)]
    [InlineData("order/f1", 4)]
    [InlineData("order/wfp3", 4)]
    [InlineData("order/unicep", 4)]
    public void Easy_ScoredOrder_MatchesTheNaiveReference(string orderId, int seed)
    {
        var workload = RandomWorkload.Create(seed, 1500, Processors);

        var policy = Run(workload, new EasyBackfillingPolicy(QueueOrders.Catalogue.Create(orderId)));
        var reference = Run(workload, new ReferenceEasyPolicy(QueueOrders.Catalogue.Create(orderId)));

        AssertSameSchedule(reference, policy);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Easy_HundredsRunningOnALargeMachine_FastPathGenericPassAndReferenceAgree(int seed)
    {
        // 1..4-processor jobs on 512 processors, arriving every second or so: hundreds of jobs run at once,
        // so the availability profile splits and merges its blocks of 128 entries.
        const int LargeMachine = 512;
        var workload = RandomWorkload.Create(seed, 2000, maxProcessors: 4, maxGapSeconds: 2);
        var cluster = ClusterSpec.FromProcessors(LargeMachine);
        var mostRunning = 0;
        var probe = new ProbePolicy(new EasyBackfillingPolicy(), context => mostRunning = Math.Max(mostRunning, context.Profile.Count));

        var fast = Simulator.Run(workload, cluster, probe);
        var generic = Simulator.Run(workload, cluster, new EasyBackfillingPolicy(new ArrivalScoredOrder()));
        var reference = Simulator.Run(workload, cluster, new ReferenceEasyPolicy(new ArrivalOrder()));

        Assert.True(mostRunning > 128, $"at most {mostRunning} jobs ran at once");
        AssertSameSchedule(reference, fast);
        AssertSameSchedule(reference, generic);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Conservative_ArrivalOrderAndArrivalScoredOrder_GiveIdenticalSchedules(int seed)
    {
        // Conservative compression costs (waiting jobs)² per early end: a lighter load keeps the queue short.
        var workload = RandomWorkload.Create(seed, Jobs, Processors, maxGapSeconds: LightLoadGapSeconds);

        var arrival = Run(workload, new ConservativeBackfillingPolicy());
        var scored = Run(workload, new ConservativeBackfillingPolicy(new ArrivalScoredOrder()));

        Assert.Equal(0, arrival.NeverStarted);
        AssertSameSchedule(arrival, scored);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(13)]
    public void Conservative_ArrivalOrder_MatchesTheNaiveReference(int seed)
    {
        var workload = RandomWorkload.Create(seed, 2000, Processors, maxGapSeconds: LightLoadGapSeconds);

        var policy = Run(workload, new ConservativeBackfillingPolicy());
        var reference = Run(workload, new ReferenceConservativePolicy(new ArrivalOrder()));

        AssertSameSchedule(reference, policy);
    }

    [Theory]
    [InlineData("order/sjf", 4)]
    [InlineData("order/wfp3", 4)]
    [InlineData("order/f2", 5)]
    public void Conservative_ScoredOrder_MatchesTheNaiveReference(string orderId, int seed)
    {
        var workload = RandomWorkload.Create(seed, 1000, Processors, maxGapSeconds: LightLoadGapSeconds);

        var policy = Run(workload, new ConservativeBackfillingPolicy(QueueOrders.Catalogue.Create(orderId)));
        var reference = Run(workload, new ReferenceConservativePolicy(QueueOrders.Catalogue.Create(orderId)));

        AssertSameSchedule(reference, policy);
    }

    [Theory]
    [InlineData(21, "order/fcfs")]
    [InlineData(22, "order/fcfs")]
    [InlineData(23, "order/sjf")]
    public void Conservative_FewRequestClassesLongQueue_MatchesTheNaiveReference(int seed, string orderId)
    {
        // Few distinct requests (processors x requested time) and a heavy load: many waiting jobs share a
        // class, so a class's earliest window is kept across many moves, and jobs move entirely before their
        // own slots as well as into them.
        var random = new Random(seed);
        int[] widths = [1, 2, 4, 8, 16, 32];
        long[] requests = [600, 1800, 3600, 7200];
        var builder = new WorkloadBuilder();
        long submit = 0;
        for (var i = 0; i < 1200; i++)
        {
            submit += random.Next(0, 400);
            var requested = requests[random.Next(requests.Length)];
            var run = random.NextDouble() < 0.7 ? random.Next(1, (int)requested) : requested;
            builder.Job(submit, widths[random.Next(widths.Length)], run, requested);
        }

        var workload = builder.Build($"classes-{seed}", Processors);
        var order = QueueOrders.Catalogue.Create(orderId);

        var policy = Run(workload, new ConservativeBackfillingPolicy(order));
        var reference = Run(workload, new ReferenceConservativePolicy(order));

        Assert.Equal(0, reference.NeverStarted);
        Assert.True(reference.Backfilled.Count(b => b) > 100, $"only {reference.Backfilled.Count(b => b)} backfilled");
        AssertSameSchedule(reference, policy);
    }

    [Theory]
    [InlineData(15)]
    public void Conservative_SomeJobsWithoutRequestedTime_MatchesTheNaiveReference(int seed)
    {
        var workload = RandomWorkload.Create(seed, 1500, Processors, withoutRequestShare: 0.02, maxGapSeconds: LightLoadGapSeconds);

        var policy = Run(workload, new ConservativeBackfillingPolicy());
        var reference = Run(workload, new ReferenceConservativePolicy(new ArrivalOrder()));

        AssertSameSchedule(reference, policy);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Fcfs_ArrivalOrderAndArrivalScoredOrder_GiveIdenticalSchedules(int seed)
    {
        var workload = RandomWorkload.Create(seed, Jobs, Processors, maxGapSeconds: LightLoadGapSeconds);

        var arrival = Run(workload, new FirstComeFirstServedPolicy());
        var scored = Run(workload, new FirstComeFirstServedPolicy(new ArrivalScoredOrder()));

        Assert.Equal(0, arrival.NeverStarted);
        AssertSameSchedule(arrival, scored);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void AllPolicies_RandomWorkload_NoJobStartsBeforeItsSubmissionAndAllStart(int seed)
    {
        var workload = RandomWorkload.Create(seed, Jobs, Processors, maxGapSeconds: LightLoadGapSeconds);

        foreach (var entry in PolicyCatalogue.Entries)
        {
            var result = Run(workload, PolicyCatalogue.Create(entry.Id));

            Assert.Equal(0, result.NeverStarted);
            for (var i = 0; i < workload.Count; i++)
            {
                Assert.True(result.Starts[i] >= workload.Jobs[i].Request.Submit, $"{entry.Id}: {workload.Jobs[i].Request} started before its submission");
            }
        }
    }

    private static SimulationResult Run(Workload workload, IPolicy policy) =>
        Simulator.Run(workload, ClusterSpec.FromProcessors(Processors), policy);

    private static void AssertMeaningful(SimulationResult result)
    {
        // The comparison is only worth something if the workload makes EASY backfill and kill.
        Assert.Equal(0, result.NeverStarted);
        Assert.True(result.Backfilled.Count(b => b) > 100, $"only {result.Backfilled.Count(b => b)} backfilled");
        Assert.True(result.Killed.Count(k => k) > 50, $"only {result.Killed.Count(k => k)} killed");
    }

    private static void AssertSameSchedule(SimulationResult expected, SimulationResult actual)
    {
        var jobs = expected.Workload.Jobs;
        for (var i = 0; i < jobs.Count; i++)
        {
            if (expected.Starts[i] != actual.Starts[i] || expected.Backfilled[i] != actual.Backfilled[i])
            {
                Assert.Fail(
                    $"first difference at {jobs[i].Request} (index {i}, submit {jobs[i].Request.Submit}, {jobs[i].Request.Processors} procs, " +
                    $"requested {jobs[i].Request.RequestedTime}): {expected.PolicyId} start {expected.Starts[i]} backfilled {expected.Backfilled[i]}, " +
                    $"{actual.PolicyId} start {actual.Starts[i]} backfilled {actual.Backfilled[i]}");
            }
        }

        Assert.Equal(expected.Ends, actual.Ends);
        Assert.Equal(expected.Killed, actual.Killed);
        Assert.Equal(expected.NeverStarted, actual.NeverStarted);
    }

    /// <summary>Runs a policy, then lets the test look at the context.</summary>
    private sealed class ProbePolicy(IPolicy inner, Action<SchedulingContext> after) : IPolicy
    {
        public string Id => inner.Id;

        public void Decide(SchedulingContext context)
        {
            inner.Decide(context);
            after(context);
        }
    }

    /// <summary>Scores like arrival order (the job's index) but does not say so: forces the generic pass.</summary>
    private sealed class ArrivalScoredOrder : IQueueOrder
    {
        public string Id => "order/test-arrival-scored";

        public bool IsArrivalOrder => false;

        public double Score(JobRequest job, Instant now, Duration plannedRunTime) => job.Index;
    }
}
