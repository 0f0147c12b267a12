using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Policies.Queueing;

namespace Augur.Policies.Tests.Backfilling;

/// <summary>
/// EASY written the slow, obvious way from pyss's rules (SOURCES.md), as an independent reference: the
/// free processors and the head's shadow time are recomputed here from the running jobs' planned ends,
/// not taken from <see cref="AvailabilityProfile"/>'s helpers, and the queue is sorted with LINQ.
/// </summary>
internal sealed class ReferenceEasyPolicy(IQueueOrder order) : IPolicy
{
    public string Id => "test/reference-easy";

    public void Decide(SchedulingContext context)
    {
        var now = context.Now;
        if (context.Trigger == DecisionTrigger.Submission && context.TriggerJob is { } submitted && FreeNow(context) < submitted.Processors)
        {
            return;
        }

        var buffer = new JobRequest[context.Waiting.Count];
        var count = context.Waiting.CopyTo(buffer);
        var waiting = buffer.Take(count)
            .OrderBy(job => order.Score(job, now, context.PlannedRunTime(job)))
            .ThenBy(job => job.Index)
            .ToList();
        var free = FreeNow(context);
        var head = 0;
        while (head < waiting.Count && waiting[head].Processors <= free)
        {
            context.Start(waiting[head]);
            free -= waiting[head].Processors;
            head++;
        }

        if (head == waiting.Count)
        {
            return;
        }

        var (shadow, extra) = ShadowTime(context, waiting[head].Processors);
        foreach (var job in waiting.Skip(head + 1))
        {
            if (free == 0)
            {
                return;
            }

            if (job.Processors > free)
            {
                continue;
            }

            if (now + context.PlannedRunTime(job) <= shadow)
            {
                context.Start(job, backfilled: true);
                free -= job.Processors;
            }
            else if (job.Processors <= extra)
            {
                context.Start(job, backfilled: true);
                free -= job.Processors;
                extra -= job.Processors;
            }
        }
    }

    /// <summary>Processors not held by a running job planned to end after now.</summary>
    internal static int FreeNow(SchedulingContext context)
    {
        var busy = 0;
        foreach (var running in context.Profile)
        {
            if (running.EstimatedEnd > context.Now)
            {
                busy += running.Request.Processors;
            }
        }

        return context.TotalProcessors - busy;
    }

    /// <summary>The first planned end after which <paramref name="processors"/> are free, and the processors left over then.</summary>
    internal static (Instant Shadow, int Extra) ShadowTime(SchedulingContext context, int processors)
    {
        var releases = new List<(Instant End, int Processors)>();
        foreach (var running in context.Profile)
        {
            if (running.EstimatedEnd > context.Now)
            {
                releases.Add((running.EstimatedEnd, running.Request.Processors));
            }
        }

        releases.Sort((a, b) => a.End.CompareTo(b.End));
        var free = FreeNow(context);
        var i = 0;
        while (i < releases.Count)
        {
            var end = releases[i].End;
            if (end == Instant.MaxValue)
            {
                return (Instant.MaxValue, 0);
            }

            while (i < releases.Count && releases[i].End == end)
            {
                free += releases[i].Processors;
                i++;
            }

            if (free >= processors)
            {
                return (end, free - processors);
            }
        }

        return (Instant.MaxValue, 0);
    }
}
