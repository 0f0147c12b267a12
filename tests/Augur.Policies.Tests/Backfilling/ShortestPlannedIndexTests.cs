using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Policies.Backfilling;

namespace Augur.Policies.Tests.Backfilling;

/// <summary>
/// The index of waiting jobs by (planned run time, arrival) that EASY++ keeps across decisions, checked
/// against a list sorted afresh after every operation.
/// </summary>
public sealed class ShortestPlannedIndexTests
{
    [Fact]
    public void Insert_EqualPlannedTimes_KeepsArrivalOrderWhateverTheInsertionOrder()
    {
        var index = new ShortestPlannedIndex();
        var jobs = Jobs(5);
        index.Insert(jobs[3], 100);
        index.Insert(jobs[1], 100);
        index.Insert(jobs[4], 50);
        index.Insert(jobs[0], 100);
        index.Insert(jobs[2], 200);

        Assert.Equal(["4:50", "0:100", "1:100", "3:100", "2:200"], Describe(index));
    }

    [Fact]
    public void Remove_WrongPlannedTimeOrAbsentJob_ReturnsFalseAndChangesNothing()
    {
        var index = new ShortestPlannedIndex();
        var jobs = Jobs(3);
        index.Insert(jobs[0], 100);
        index.Insert(jobs[1], 100);

        Assert.False(index.Remove(jobs[2], 100));
        Assert.False(index.Remove(jobs[0], 99));
        Assert.False(index.Remove(jobs[0], 101));
        Assert.Equal(["0:100", "1:100"], Describe(index));
        Assert.True(index.Remove(jobs[0], 100));
        Assert.Equal(["1:100"], Describe(index));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomOperations_MatchASortedList(int seed)
    {
        // Thousands of inserts and removals, few distinct planned times (many ties), growth past the
        // initial capacity of 64 and shrinking to empty.
        var random = new Random(seed);
        var jobs = Jobs(3000);
        var index = new ShortestPlannedIndex();
        var expected = new List<(long Planned, int Arrival)>();
        var waiting = new List<int>();
        var plannedOf = new long[jobs.Length];
        var next = 0;
        for (var step = 0; step < 6000; step++)
        {
            var roll = random.NextDouble();
            if (next < jobs.Length && (waiting.Count == 0 || roll < 0.55))
            {
                var planned = random.Next(0, 20) * 1_000_000L;
                plannedOf[next] = planned;
                index.Insert(jobs[next], planned);
                expected.Add((planned, next));
                waiting.Add(next);
                next++;
            }
            else if (waiting.Count > 0 && roll < 0.8)
            {
                var victim = waiting[random.Next(waiting.Count)];
                Assert.True(index.Remove(jobs[victim], plannedOf[victim]));
                Assert.False(index.Remove(jobs[victim], plannedOf[victim]));
                expected.Remove((plannedOf[victim], victim));
                waiting.Remove(victim);
            }
            else if (waiting.Count > 0)
            {
                var position = random.Next(index.Count);
                var victim = index[position].Index;
                index.RemoveAt(position);
                expected.Remove((plannedOf[victim], victim));
                waiting.Remove(victim);
            }

            expected.Sort();
            AssertMatches(expected, index);
        }

        Assert.True(next > 2000, $"only {next} inserted");
    }

    [Fact]
    public void Rebuild_FromAContext_SortsTheQueueByPlannedTimeThenArrival()
    {
        var jobs = Jobs(6);
        long[] planned = [300, 100, 300, 50, 100, 300];
        var context = new SchedulingContext(10, new NoDriver(), job => Duration.FromSeconds(planned[job.Index]));
        foreach (var job in jobs)
        {
            context.Waiting.Enqueue(job, context.PlannedRunTime(job));
        }

        var index = new ShortestPlannedIndex();
        index.Insert(Jobs(1)[0], 1);
        index.Rebuild(context);

        Assert.Equal(["3:50000000", "1:100000000", "4:100000000", "0:300000000", "2:300000000", "5:300000000"], Describe(index));
    }

    private static JobRequest[] Jobs(int count) =>
        Enumerable.Range(0, count).Select(i => new JobRequest(i, i + 1, Instant.Zero, 1, Duration.FromSeconds(1000))).ToArray();

    private static string[] Describe(ShortestPlannedIndex index) =>
        Enumerable.Range(0, index.Count).Select(p => FormattableString.Invariant($"{index[p].Index}:{index.PlannedAt(p)}")).ToArray();

    private static void AssertMatches(List<(long Planned, int Arrival)> expected, ShortestPlannedIndex index)
    {
        Assert.Equal(expected.Count, index.Count);
        for (var position = 0; position < expected.Count; position++)
        {
            if (expected[position].Arrival != index[position].Index || expected[position].Planned != index.PlannedAt(position))
            {
                Assert.Fail($"position {position}: expected {expected[position]}, index has ({index.PlannedAt(position)}, {index[position].Index})");
            }
        }
    }

    private sealed class NoDriver : ISchedulingDriver
    {
        public Instant StartJob(JobRequest job, bool backfilled) => throw new InvalidOperationException("no starts in this test");

        public void WakeAt(Instant instant)
        {
        }
    }
}
