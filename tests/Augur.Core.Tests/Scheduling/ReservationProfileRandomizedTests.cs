using Augur.Core.Scheduling;
using Augur.Core.Time;

using static Augur.Core.Tests.TestJobs;

namespace Augur.Core.Tests.Scheduling;

/// <summary>
/// Drives the reservation profile with random allocations, releases and advances on a short horizon
/// (whole seconds; every interval ends before the horizon or never) and compares every answer with a
/// brute-force array of free processors per second. The long runs pass enough steps for the profile to
/// compact its storage.
/// </summary>
public sealed class ReservationProfileRandomizedTests
{
    [Theory]
    [InlineData(11, 4, 200, 70, 120)]
    [InlineData(12, 7, 200, 70, 120)]
    [InlineData(13, 16, 200, 70, 120)]
    [InlineData(14, 5, 25, 400, 1200)]
    public void RandomOperations_MatchPerSecondModel(int seed, int totalProcessors, int runs, int lastNow, int steps)
    {
        var random = new Random(seed);
        for (var run = 0; run < runs; run++)
        {
            RunOne(random, totalProcessors, lastNow, steps);
        }
    }

    private static void RunOne(Random random, int total, int lastNow, int steps)
    {
        // Intervals start at most 29 s after now and last at most 24 s, or forever.
        var horizon = lastNow + 58;
        var profile = new ReservationProfile(total, capacity: random.Next(1, 10));
        var model = new Model(total, horizon);
        var allocations = new List<(long Start, long End, int Processors)>();
        long now = 0;

        for (var step = 0; step < steps; step++)
        {
            var roll = random.Next(100);
            if (roll < 10)
            {
                now = Math.Min(lastNow, now + random.Next(0, 6));
                profile.AdvanceTo(At(now));
            }
            else if (roll < 55 || allocations.Count == 0)
            {
                var start = now + random.Next(0, 30);
                long end = random.Next(6) == 0 ? long.MaxValue : start + random.Next(1, 25);
                var room = model.MinFree(start, end);
                if (room == 0)
                {
                    continue;
                }

                var processors = random.Next(1, room + 1);
                profile.Allocate(At(start), end == long.MaxValue ? Instant.MaxValue : At(end), processors);
                model.Change(start, end, -processors);
                allocations.Add((start, end, processors));
            }
            else
            {
                // Release what remains (from now on) of an earlier allocation.
                var which = random.Next(allocations.Count);
                var (start, end, processors) = allocations[which];
                allocations.RemoveAt(which);
                var from = Math.Max(start, now);
                if (end <= from)
                {
                    continue;
                }

                profile.Release(At(from), end == long.MaxValue ? Instant.MaxValue : At(end), processors);
                model.Change(from, end, processors);
            }

            for (var t = now; t <= Math.Min(horizon, now + 80) + 8; t++)
            {
                if (model.FreeAt(t) != profile.FreeAt(At(t)))
                {
                    Assert.Fail($"FreeAt({t}s) at {now}s: expected {model.FreeAt(t)}, found {profile.FreeAt(At(t))}");
                }
            }

            for (var query = 0; query < 6; query++)
            {
                var processors = random.Next(1, total + 2);
                var duration = random.Next(1, 30);
                var from = now + random.Next(-3, 40);
                var expected = model.EarliestFit(processors, duration, Math.Max(from, now));
                var actual = profile.EarliestFit(processors, Seconds(duration), At(from));
                if (expected != actual)
                {
                    Assert.Fail($"EarliestFit({processors}, {duration}s, {from}s) at {now}s: expected {expected}, found {actual}");
                }

                // The bounded searches: a fit at or after `before` is no fit; EarlierFit's window may run into
                // the own slot, so it needs room only until `own`.
                var before = Math.Max(from, now) + random.Next(0, 50);
                var own = now + random.Next(1, 60);
                var bounded = expected < At(before) ? expected : Instant.MaxValue;
                var boundedActual = profile.EarliestFit(processors, Seconds(duration), At(from), At(before));
                if (bounded != boundedActual)
                {
                    Assert.Fail($"EarliestFit({processors}, {duration}s, {from}s, before {before}s) at {now}s: expected {bounded}, found {boundedActual}");
                }

                var earlier = model.EarlierFit(processors, duration, Math.Max(from, now), Math.Min(before, own), own);
                var earlierActual = profile.EarlierFit(processors, Seconds(duration), At(from), At(before), At(own));
                if (earlier != earlierActual)
                {
                    Assert.Fail($"EarlierFit({processors}, {duration}s, {from}s, before {before}s, own {own}s) at {now}s: expected {earlier}, found {earlierActual}");
                }
            }
        }
    }

    /// <summary>Free processors per whole second; every second from <c>horizon</c> on is alike.</summary>
    private sealed class Model(int total, int horizon)
    {
        private readonly int[] free = Enumerable.Repeat(total, horizon + 1).ToArray();

        public int FreeAt(long second) => free[Math.Min(second, horizon)];

        public int MinFree(long start, long end)
        {
            var least = int.MaxValue;
            for (var t = start; t < Math.Min(end, horizon + 1); t++)
            {
                least = Math.Min(least, FreeAt(t));
            }

            return end > horizon ? Math.Min(least, free[horizon]) : least;
        }

        /// <summary>Adds <paramref name="delta"/> over [start, end); an end of long.MaxValue means forever.</summary>
        public void Change(long start, long end, int delta)
        {
            Assert.True(end == long.MaxValue || end <= horizon, "the model's horizon is too short for this interval");
            for (var t = start; t < Math.Min(end, horizon + 1); t++)
            {
                free[t] += delta;
            }
        }

        /// <summary>The earliest t in [from, limit) with room over [t, min(t + duration, own)).</summary>
        public Instant EarlierFit(int processors, long duration, long from, long limit, long own)
        {
            for (var t = from; t < limit; t++)
            {
                var fits = true;
                for (var u = t; u < Math.Min(t + duration, own) && fits; u++)
                {
                    fits = FreeAt(u) >= processors;
                }

                if (fits)
                {
                    return At(t);
                }
            }

            return Instant.MaxValue;
        }

        public Instant EarliestFit(int processors, long duration, long from)
        {
            for (var t = from; t <= Math.Max(from, horizon); t++)
            {
                var fits = true;
                for (var u = t; u < t + duration && fits; u++)
                {
                    fits = FreeAt(u) >= processors;
                }

                if (fits)
                {
                    return At(t);
                }
            }

            return Instant.MaxValue;
        }
    }
}
