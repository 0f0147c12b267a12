using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Policies.Queueing;

namespace Augur.Policies.Tests.Queueing;

public sealed class OrderedWaitingJobsTests
{
    [Fact]
    public void Arrange_ShortestRequest_SortsByRequestThenArrival()
    {
        // Requests (s): J1 300, J2 100, J3 200, J4 100, J5 300 -> 100 (J2, J4), 200 (J3), 300 (J1, J5).
        var order = Arrange(new ShortestRequestOrder(), now: 100, (0, 1, 300), (1, 1, 100), (2, 1, 200), (3, 1, 100), (4, 1, 300));

        Assert.Equal([2, 4, 3, 1, 5], order);
    }

    [Fact]
    public void Arrange_EqualScores_KeepArrivalOrder()
    {
        // order/sjf with all requests equal: pure arrival order, even with equal submit times.
        var order = Arrange(new ShortestRequestOrder(), now: 10, (0, 4, 60), (0, 2, 60), (0, 8, 60), (5, 1, 60));

        Assert.Equal([1, 2, 3, 4], order);
    }

    [Fact]
    public void Arrange_WaitFactor_LongestRelativeWaitTimesProcessorsFirst()
    {
        // now = 100. Scores −(w/r)³·n:
        //   J1 s=0,  n=1, r=100: −(100/100)³·1 = −1
        //   J2 s=50, n=8, r=100: −(50/100)³·8  = −1     (tie with J1: arrival decides)
        //   J3 s=60, n=4, r=20:  −(40/20)³·4   = −32
        //   J4 s=90, n=2, r=10:  −(10/10)³·2   = −2
        var order = Arrange(new WaitFactorOrder(), now: 100, (0, 1, 100), (50, 8, 100), (60, 4, 20), (90, 2, 10));

        Assert.Equal([3, 4, 1, 2], order);
    }

    [Fact]
    public void Arrange_Unicep_OneProcessorJobsFirstThenByWaitOverLog2NTimesR()
    {
        // now = 100. Scores −w/(log2(n)·r):
        //   J1 s=0,  n=4, r=100: −100/(2·100) = −0.5
        //   J2 s=0,  n=2, r=100: −100/(1·100) = −1
        //   J3 s=90, n=1, r=1000: log2(1 + 1e-15) ≈ 1.6e-15 -> about −6e12
        //   J4 s=50, n=8, r=10:  −50/(3·10)   = −1.67
        var order = Arrange(new UnicepOrder(), now: 100, (0, 4, 100), (0, 2, 100), (90, 1, 1000), (50, 8, 10));

        Assert.Equal([3, 4, 2, 1], order);
    }

    [Fact]
    public void Arrange_F1_SubmitTermDominates()
    {
        // F1 = log10(r)·n + 870·log10(s): J1 s=10 -> 870 + log10(10000)·4 = 886; J2 s=1000, r=10, n=1 ->
        // 2610 + 1 = 2611; J3 s=100, r=10^6, n=64 -> 1740 + 6·64 = 2124.
        var order = Arrange(new CarastanSantosOrder(1), now: 2000, (10, 4, 10000), (1000, 1, 10), (100, 64, 1_000_000));

        Assert.Equal([1, 3, 2], order);
    }

    [Fact]
    public void Arrange_WaitingJobsStarted_AreLeftOut()
    {
        var driver = new QueueOnlyDriver();
        var context = new SchedulingContext(64, driver);
        var jobs = new[]
        {
            QueueOrderTests.Job(0, 0, 1, 30),
            QueueOrderTests.Job(1, 0, 1, 20),
            QueueOrderTests.Job(2, 0, 1, 10),
        };
        foreach (var job in jobs)
        {
            context.Waiting.Enqueue(job, job.RequestedTime);
        }

        context.Waiting.Remove(jobs[2]);
        context.BeginDecision(Instant.FromSeconds(1), DecisionTrigger.WakeUp, null, default);

        var cursor = new OrderedWaitingJobs(new ShortestRequestOrder()).Arrange(context);

        Assert.Equal([2, 1], Drain(ref cursor));
    }

    /// <summary>Queues (submit s, processors, requested s) jobs with ids 1..n and returns the ids in the order's sequence.</summary>
    private static long[] Arrange(IQueueOrder order, long now, params (long Submit, int Processors, long Requested)[] specs)
    {
        var context = new SchedulingContext(64, new QueueOnlyDriver());
        for (var i = 0; i < specs.Length; i++)
        {
            var job = QueueOrderTests.Job(i, specs[i].Submit, specs[i].Processors, specs[i].Requested);
            context.Waiting.Enqueue(job, job.RequestedTime);
        }

        context.BeginDecision(Instant.FromSeconds(now), DecisionTrigger.WakeUp, null, default);
        var cursor = new OrderedWaitingJobs(order).Arrange(context);
        return Drain(ref cursor);
    }

    private static long[] Drain(ref BufferCursor cursor)
    {
        var ids = new List<long>();
        while (cursor.MoveNext())
        {
            ids.Add(cursor.Current.Id);
        }

        return [.. ids];
    }

    /// <summary>A driver for contexts that only order a queue: any decision is a test error.</summary>
    private sealed class QueueOnlyDriver : ISchedulingDriver
    {
        public Instant StartJob(JobRequest job, bool backfilled) => throw new InvalidOperationException("no starts here");

        public void WakeAt(Instant instant) => throw new InvalidOperationException("no wake-ups here");
    }
}
