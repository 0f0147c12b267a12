using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;

using static Augur.Core.Tests.TestJobs;

namespace Augur.Core.Tests.Scheduling;

/// <summary>
/// The availability profile keeps its jobs in blocks of 128; these tests drive it through thousands of
/// starts, ends and corrected estimates (up to ~1,100 running jobs, so blocks split, empty and go away)
/// and compare it after every operation with a plain list sorted by (planned end, insertion sequence).
/// </summary>
public sealed class AvailabilityProfileRandomizedTests
{
    private const int TotalProcessors = 4000;

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void RandomOperations_MatchSortedListModel(int seed)
    {
        var random = new Random(seed);
        var profile = new AvailabilityProfile(TotalProcessors);
        var model = new Model();
        var nextIndex = 0;
        var maxCount = 0;

        for (var step = 0; step < 5000; step++)
        {
            var roll = random.NextDouble();
            var (addBelow, removeBelow) = step < 3000 ? (0.65, 0.85) : (0.15, 0.75);
            var processors = random.Next(1, 7);
            if (model.Count == 0 || (roll < addBelow && model.Committed + processors <= TotalProcessors))
            {
                var job = new RunningJob(Job(nextIndex, processors), At(nextIndex), RandomEnd(random));
                nextIndex++;
                profile.Add(job);
                model.Add(job);
            }
            else if (roll < removeBelow)
            {
                var victim = model.At(random.Next(model.Count));
                var removed = profile.Remove(victim.Request, victim.EstimatedEnd);
                Assert.Equal(victim, removed);
                model.Remove(victim.Request);
            }
            else
            {
                var victim = model.At(random.Next(model.Count));
                var newEnd = random.Next(4) == 0 ? victim.EstimatedEnd : RandomEnd(random);
                profile.ChangeEstimatedEnd(victim.Request, victim.EstimatedEnd, newEnd);
                model.Remove(victim.Request);
                model.Add(victim with { EstimatedEnd = newEnd });
            }

            if (step % 97 == 0 && model.Count > 0)
            {
                var victim = model.At(random.Next(model.Count));
                var wrong = victim.EstimatedEnd == Instant.MaxValue ? At(1) : victim.EstimatedEnd + new Duration(1);
                Assert.Throws<InvalidOperationException>(() => profile.Remove(victim.Request, wrong));
            }

            maxCount = Math.Max(maxCount, model.Count);
            AssertSame(model, profile, random);
        }

        // Drain what is left, checking all the way down to an empty profile.
        while (model.Count > 0)
        {
            var victim = model.At(random.Next(model.Count));
            profile.Remove(victim.Request, victim.EstimatedEnd);
            model.Remove(victim.Request);
            AssertSame(model, profile, random);
        }

        Assert.True(maxCount >= 900, $"the run should reach many blocks; it peaked at {maxCount} jobs");
    }

    private static Instant RandomEnd(Random random)
    {
        var kind = random.Next(100);
        return kind switch
        {
            < 55 => At(50 * random.Next(41)),                    // few distinct ends: many ties
            < 85 => At(random.Next(100_000)),                    // spread
            < 95 => new Instant(random.NextInt64(0, 3_000_000)), // sub-second ends, some ties with the above
            _ => Instant.MaxValue,                               // no known end
        };
    }

    private static void AssertSame(Model model, AvailabilityProfile profile, Random random)
    {
        Assert.Equal(model.Count, profile.Count);
        Assert.Equal(model.Committed, profile.CommittedProcessors);

        var enumerator = profile.GetEnumerator();
        var position = 0;
        while (enumerator.MoveNext())
        {
            if (position >= model.Count)
            {
                Assert.Fail($"the profile enumerates more than its {model.Count} jobs");
            }

            var expected = model.At(position);
            var actual = enumerator.Current;
            if (!ReferenceEquals(expected.Request, actual.Request) || expected != actual)
            {
                Assert.Fail($"position {position}: expected {expected}, found {actual}");
            }

            position++;
        }

        Assert.Equal(model.Count, position);

        for (var query = 0; query < 3; query++)
        {
            var now = RandomNow(model, random);
            var steps = model.Staircase(now);
            var freeNow = steps[0].Free;
            if (freeNow != profile.FreeAt(now))
            {
                Assert.Fail($"FreeAt({now}) with {model.Count} jobs: expected {freeNow}, found {profile.FreeAt(now)}");
            }

            int[] requests =
            [
                1,
                random.Next(1, TotalProcessors + 1),
                Math.Max(1, freeNow),
                freeNow + 1,
                freeNow + random.Next(1, 400),
                TotalProcessors,
                TotalProcessors + 1,
            ];
            foreach (var processors in requests)
            {
                var expected = Model.EarliestReservation(steps, processors);
                var actual = profile.EarliestReservation(processors, now);
                if (expected != actual)
                {
                    Assert.Fail($"EarliestReservation({processors}, {now}) with {model.Count} jobs: expected {expected}, found {actual}");
                }
            }
        }
    }

    private static Instant RandomNow(Model model, Random random)
    {
        if (model.Count == 0 || random.Next(4) == 0)
        {
            return At(random.Next(2_000));
        }

        var end = model.At(random.Next(model.Count)).EstimatedEnd;
        if (end == Instant.MaxValue)
        {
            return At(random.Next(100_000));
        }

        return random.Next(3) switch
        {
            0 => end,
            1 => end - new Duration(1),
            _ => end + new Duration(1),
        };
    }

    /// <summary>The reference: a list kept sorted by (planned end, insertion sequence), answered by brute force.</summary>
    private sealed class Model
    {
        private readonly List<(RunningJob Job, long Sequence)> jobs = [];
        private long sequence;

        public int Count => jobs.Count;

        public int Committed { get; private set; }

        public RunningJob At(int position) => jobs[position].Job;

        public void Add(RunningJob job)
        {
            // After every job with an end at or before this one: the newest of equal ends goes last.
            var position = jobs.FindIndex(j => j.Job.EstimatedEnd > job.EstimatedEnd);
            jobs.Insert(position < 0 ? jobs.Count : position, (job, sequence++));
            Committed += job.Request.Processors;
        }

        public void Remove(JobRequest request)
        {
            var position = jobs.FindIndex(j => ReferenceEquals(j.Job.Request, request));
            Committed -= jobs[position].Job.Request.Processors;
            jobs.RemoveAt(position);
        }

        /// <summary>
        /// Free processors from <paramref name="now"/> on, as (instant, free) at now and at every later known
        /// end, counted by brute force: free(t) = total - processors of jobs planned to end after t.
        /// </summary>
        public List<(Instant At, int Free)> Staircase(Instant now)
        {
            var instants = new List<Instant> { now };
            foreach (var (job, _) in jobs)
            {
                var end = job.EstimatedEnd;
                if (end > now && end != Instant.MaxValue && end != instants[^1])
                {
                    instants.Add(end);
                }
            }

            var steps = new List<(Instant At, int Free)>(instants.Count);
            var next = 0;
            var free = TotalProcessors - Committed;
            foreach (var t in instants)
            {
                // The jobs are sorted by end, so one pointer finds every job that has ended by t.
                while (next < jobs.Count && jobs[next].Job.EstimatedEnd <= t)
                {
                    free += jobs[next].Job.Request.Processors;
                    next++;
                }

                steps.Add((t, free));
            }

            return steps;
        }

        /// <summary>
        /// The first instant of the staircase with enough free processors (free processors only grow with
        /// time, so they stay free); jobs with no known end never free theirs, so otherwise never.
        /// </summary>
        public static Reservation EarliestReservation(List<(Instant At, int Free)> steps, int processors)
        {
            foreach (var (at, free) in steps)
            {
                if (free >= processors)
                {
                    return new Reservation(at, free - processors);
                }
            }

            return new Reservation(Instant.MaxValue, 0);
        }
    }
}
