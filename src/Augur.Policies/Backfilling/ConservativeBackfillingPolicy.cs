using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Policies.Queueing;

namespace Augur.Policies.Backfilling;

/// <summary>
/// <c>backfill/conservative</c>: conservative backfilling (Mu'alem and Feitelson, IEEE TPDS 2001). Every
/// job gets a reservation at submission, at the earliest time it fits without delaying any earlier
/// reservation; it starts when its reservation comes. When a job ends before its planned end, the freed
/// processors are offered again: every waiting job, in queue order, is moved to its earliest fit, which is
/// never later than its reservation ("compression", as in pyss).
/// </summary>
public sealed class ConservativeBackfillingPolicy : IPolicy
{
    private readonly OrderedWaitingJobs? ordered;
    private ReservationProfile? profile;
    private Instant[] reservations = [];

    public ConservativeBackfillingPolicy(IQueueOrder? order = null)
    {
        Order = order ?? new ArrivalOrder();
        ordered = Order.IsArrivalOrder ? null : new OrderedWaitingJobs(Order);
    }

    public string Id => "backfill/conservative";

    public IQueueOrder Order { get; }

    public void Decide(SchedulingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        profile ??= new ReservationProfile(context.TotalProcessors);
        var now = context.Now;
        profile.AdvanceTo(now);
        switch (context.Trigger)
        {
            case DecisionTrigger.Submission when context.TriggerJob is { } job:
                Reserve(context, job);
                break;
            case DecisionTrigger.Termination:
                var ended = context.Ended;
                if (ended.EstimatedEnd > now)
                {
                    profile.Release(now, ended.EstimatedEnd, ended.Request.Processors);
                    Compress(context);
                }

                break;
        }

        StartDueJobs(context);
    }

    private void Reserve(SchedulingContext context, JobRequest job)
    {
        var planned = context.PlannedRunTime(job);
        var start = profile!.EarliestFit(job.Processors, planned, context.Now);
        profile.Allocate(start, start + planned, job.Processors);
        SetReservation(job, start);
        context.WakeAt(start);
    }

    private void Compress(SchedulingContext context)
    {
        if (ordered is null)
        {
            var cursor = new ArrivalCursor(context.Waiting);
            Compress(context, ref cursor);
        }
        else
        {
            var cursor = ordered.Arrange(context);
            Compress(context, ref cursor);
        }
    }

    private void Compress<TCursor>(SchedulingContext context, ref TCursor cursor)
        where TCursor : struct, IJobCursor
    {
        var now = context.Now;
        while (cursor.MoveNext())
        {
            var job = cursor.Current;
            var current = reservations[job.Index];
            if (current <= now)
            {
                continue;
            }

            var planned = context.PlannedRunTime(job);
            profile!.Release(current, current + planned, job.Processors);
            var earliest = profile.EarliestFit(job.Processors, planned, now);
            profile.Allocate(earliest, earliest + planned, job.Processors);
            if (earliest != current)
            {
                SetReservation(job, earliest);
                context.WakeAt(earliest);
            }
        }
    }

    /// <summary>Starts every job whose reservation has come; one that overtakes an earlier arrival counts as backfilled.</summary>
    private void StartDueJobs(SchedulingContext context)
    {
        var now = context.Now;
        var earlierJobWaits = false;
        foreach (var job in context.Waiting)
        {
            if (reservations[job.Index] <= now)
            {
                context.Start(job, backfilled: earlierJobWaits);
            }
            else
            {
                earlierJobWaits = true;
            }
        }
    }

    private void SetReservation(JobRequest job, Instant start)
    {
        if (job.Index >= reservations.Length)
        {
            var grown = new Instant[Math.Max(job.Index + 1, reservations.Length * 2)];
            Array.Copy(reservations, grown, reservations.Length);
            reservations = grown;
        }

        reservations[job.Index] = start;
    }
}
