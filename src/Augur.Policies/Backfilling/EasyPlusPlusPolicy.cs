using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Policies.Queueing;

namespace Augur.Policies.Backfilling;

/// <summary>
/// <c>backfill/easy++</c>: EASY++ (Tsafrir, Etsion and Feitelson, "Backfilling using system-generated
/// predictions rather than user runtime estimates", IEEE TPDS 2007), with pyss's exact rules:
/// <list type="bullet">
/// <item>The profile holds running jobs' predicted ends (the driver's estimates, corrected when a job
/// outlives them); a correction changes the profile but starts nothing.</item>
/// <item>On every submission and termination, jobs start from the head of the queue, in arrival order,
/// while they fit; the first that does not is reserved at its earliest planned start (the shadow time).</item>
/// <item>Every other waiting job, shortest predicted run time first (ties in arrival order), starts now if
/// it fits now and either ends by its prediction at or before the shadow time, or uses only processors the
/// reserved job will not need.</item>
/// </list>
/// Unlike <c>backfill/easy</c>, a submission always runs the pass, even when the new job does not fit now.
/// </summary>
public sealed class EasyPlusPlusPolicy : IPolicy
{
    private readonly ShortestPlannedIndex shortestFirst = new();

    /// <param name="order">Must be arrival order (or null): EASY++ fixes its own orders.</param>
    public EasyPlusPlusPolicy(IQueueOrder? order = null)
    {
        if (order is not null && !order.IsArrivalOrder)
        {
            throw new ArgumentException($"backfill/easy++ has its own orders (arrival for the queue's head, shortest predicted first for backfilling); {order.Id} does not apply.", nameof(order));
        }

        Order = order ?? new ArrivalOrder();
    }

    public string Id => "backfill/easy++";

    /// <summary>The head's order: always arrival.</summary>
    public IQueueOrder Order { get; }

    public void Decide(SchedulingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Trigger == DecisionTrigger.EstimateExpired)
        {
            return;
        }

        if (context.Trigger == DecisionTrigger.Submission && context.TriggerJob is { } submitted && shortestFirst.Count + 1 == context.Waiting.Count)
        {
            shortestFirst.Insert(submitted, context.PlannedRunTime(submitted).Microseconds);
        }
        else if (shortestFirst.Count != context.Waiting.Count)
        {
            shortestFirst.Rebuild(context);
        }

        var now = context.Now;
        var free = context.Profile.FreeAt(now);
        JobRequest? blocked = null;
        foreach (var job in context.Waiting)
        {
            if (job.Processors > free)
            {
                blocked = job;
                break;
            }

            context.Start(job);
            shortestFirst.Remove(job, context.PlannedRunTime(job).Microseconds);
            free -= job.Processors;
        }

        if (blocked is not null)
        {
            Backfill(context, blocked, free);
        }
    }

    private void Backfill(SchedulingContext context, JobRequest blocked, int free)
    {
        var now = context.Now;
        var reservation = context.Profile.EarliestReservation(blocked.Processors, now);
        var window = (reservation.Start - now).Microseconds;
        var extra = reservation.ExtraProcessors;
        var position = 0;
        while (position < shortestFirst.Count)
        {
            var job = shortestFirst[position];
            var endsBeforeShadow = shortestFirst.PlannedAt(position) <= window;
            if (!endsBeforeShadow && Math.Min(free, extra) <= 0)
            {
                // Sorted by planned run time: every later job also ends after the shadow time.
                return;
            }

            if (ReferenceEquals(job, blocked) || job.Processors > free || (!endsBeforeShadow && job.Processors > extra))
            {
                position++;
                continue;
            }

            context.Start(job, backfilled: true);
            shortestFirst.RemoveAt(position);
            free -= job.Processors;
            if (!endsBeforeShadow)
            {
                extra -= job.Processors;
            }

            if (free == 0)
            {
                return;
            }
        }
    }
}
