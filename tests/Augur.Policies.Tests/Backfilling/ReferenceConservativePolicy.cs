using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Policies.Queueing;

namespace Augur.Policies.Tests.Backfilling;

/// <summary>
/// Conservative backfilling written the slow, obvious way from docs/policies.md, as an independent
/// reference: its own step function (no merging, no bounded searches), every waiting job re-placed in
/// every compression pass, passes repeated until none moves, due jobs found by scanning the queue.
/// </summary>
internal sealed class ReferenceConservativePolicy(IQueueOrder order) : IPolicy
{
    private readonly Dictionary<int, Instant> reservations = [];
    private NaiveProfile? profile;

    public string Id => "test/reference-conservative";

    public void Decide(SchedulingContext context)
    {
        profile ??= new NaiveProfile(context.TotalProcessors);
        var now = context.Now;
        profile.Forget(now);
        switch (context.Trigger)
        {
            case DecisionTrigger.Submission when context.TriggerJob is { } job:
                var planned = context.PlannedRunTime(job);
                var start = profile.EarliestFit(job.Processors, planned, now);
                profile.Change(start, start + planned, -job.Processors);
                Reserve(context, job, start);
                break;
            case DecisionTrigger.Termination when context.Ended.EstimatedEnd > now:
                profile.Change(now, context.Ended.EstimatedEnd, context.Ended.Request.Processors);
                Compress(context);
                break;
        }

        var buffer = new JobRequest[context.Waiting.Count];
        var count = context.Waiting.CopyTo(buffer);
        var earlierWaits = false;
        foreach (var job in buffer.Take(count))
        {
            if (reservations[job.Index] <= now)
            {
                context.Start(job, backfilled: earlierWaits);
                reservations.Remove(job.Index);
            }
            else
            {
                earlierWaits = true;
            }
        }
    }

    private void Compress(SchedulingContext context)
    {
        var now = context.Now;
        bool moved;
        do
        {
            moved = false;
            var buffer = new JobRequest[context.Waiting.Count];
            var count = context.Waiting.CopyTo(buffer);
            var queue = buffer.Take(count)
                .OrderBy(job => order.IsArrivalOrder ? job.Index : order.Score(job, now, context.PlannedRunTime(job)))
                .ThenBy(job => job.Index)
                .ToList();
            foreach (var job in queue)
            {
                var current = reservations[job.Index];
                if (current <= now)
                {
                    continue;
                }

                var planned = context.PlannedRunTime(job);
                profile!.Change(current, current + planned, job.Processors);
                var earliest = profile.EarliestFit(job.Processors, planned, now);
                Assert.True(earliest <= current, $"{job} would move later: {current} -> {earliest}");
                profile.Change(earliest, earliest + planned, -job.Processors);
                if (earliest != current)
                {
                    Reserve(context, job, earliest);
                    moved = true;
                }
            }
        }
        while (moved);
    }

    private void Reserve(SchedulingContext context, JobRequest job, Instant start)
    {
        reservations[job.Index] = start;
        if (start != Instant.MaxValue)
        {
            context.WakeAt(start);
        }
    }

    /// <summary>Free processors over time: sorted breakpoints, each with the processors free until the next.</summary>
    private sealed class NaiveProfile(int total)
    {
        private readonly List<(long Time, int Free)> steps = [(long.MinValue, total)];

        /// <summary>The first instant at or after <paramref name="from"/> from which <paramref name="processors"/> stay free for <paramref name="duration"/>.</summary>
        public Instant EarliestFit(int processors, Duration duration, Instant from)
        {
            var candidate = from.Microseconds;
            for (var i = steps.FindLastIndex(s => s.Time <= candidate); i < steps.Count; i++)
            {
                var stepEnd = i + 1 < steps.Count ? steps[i + 1].Time : long.MaxValue;
                if (steps[i].Free < processors)
                {
                    candidate = stepEnd;
                }
                else if (stepEnd == long.MaxValue || new Instant(candidate) + duration <= new Instant(stepEnd))
                {
                    return candidate >= Instant.MaxValue.Microseconds ? Instant.MaxValue : new Instant(candidate);
                }
            }

            return Instant.MaxValue;
        }

        /// <summary>Drops the steps that ended at or before <paramref name="now"/>.</summary>
        public void Forget(Instant now)
        {
            while (steps.Count > 1 && steps[1].Time <= now.Microseconds)
            {
                steps.RemoveAt(0);
            }
        }

        public void Change(Instant start, Instant end, int delta)
        {
            if (end <= start)
            {
                return;
            }

            Split(start.Microseconds);
            if (end != Instant.MaxValue)
            {
                Split(end.Microseconds);
            }

            for (var i = 0; i < steps.Count; i++)
            {
                var time = steps[i].Time;
                if (time >= start.Microseconds && (end == Instant.MaxValue || time < end.Microseconds))
                {
                    var free = steps[i].Free + delta;
                    Assert.InRange(free, 0, total);
                    steps[i] = (time, free);
                }
            }

            // Merge steps equal to their predecessor, so the list stays about two steps per reservation.
            for (var i = steps.Count - 1; i > 0; i--)
            {
                if (steps[i].Free == steps[i - 1].Free)
                {
                    steps.RemoveAt(i);
                }
            }
        }

        private void Split(long time)
        {
            var i = steps.FindLastIndex(s => s.Time <= time);
            if (steps[i].Time != time)
            {
                steps.Insert(i + 1, (time, steps[i].Free));
            }
        }
    }
}
