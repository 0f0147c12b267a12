using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Policies.Queueing;

namespace Augur.Policies.Backfilling;

/// <summary>
/// <c>backfill/conservative</c>: conservative backfilling (Mu'alem and Feitelson, IEEE TPDS 2001). Every
/// job gets a reservation at submission, at the earliest time it fits without delaying any earlier
/// reservation; it starts when its reservation comes. When a job ends before its planned end, the schedule
/// is compressed: waiting jobs, in queue order, move to their earliest fit, never later than their
/// reservation; passes repeat until none moves, so every reservation is always the earliest the others
/// allow (docs/policies.md).
/// </summary>
public sealed partial class ConservativeBackfillingPolicy : IPolicy
{
    private readonly OrderedWaitingJobs? ordered;
    private readonly DueReservations due = new();
    private readonly List<JobRequest> dueNow = [];
    private ReservationProfile? profile;
    private Instant[] reservations = [];
    private JobRequest?[] waitingByIndex = [];
    private bool[] isDue = [];
    private Instant[] runningEnds = [];

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
                    Compress(context, now, ended.EstimatedEnd);
                }

                break;
            case DecisionTrigger.EstimateExpired:
                Replan(context);
                break;
        }

        StartDueJobs(context);
        WakeAtNextReservation(context);
    }

    /// <summary>
    /// Asks for one wake-up, at the earliest reservation still to come, rather than one per reservation made:
    /// moved reservations would otherwise leave stale wake-ups behind by the million on long queues. Stale
    /// heap entries are dropped here, and the heap is rebuilt from the live reservations when they pile up.
    /// </summary>
    private void WakeAtNextReservation(SchedulingContext context)
    {
        if (due.Count > (4 * context.Waiting.Count) + 1024)
        {
            due.Clear();
            foreach (var job in context.Waiting)
            {
                if (reservations[job.Index] != Instant.MaxValue)
                {
                    due.Push(reservations[job.Index].Microseconds, job.Index);
                }
            }
        }

        while (due.TryPeek(out var time, out var index))
        {
            if (reservations[index].Microseconds == time && waitingByIndex[index] is { } job && context.Waiting.Contains(job))
            {
                context.WakeAt(new Instant(time));
                return;
            }

            due.PopEarliest();
        }
    }

    private void Reserve(SchedulingContext context, JobRequest job)
    {
        var planned = context.PlannedRunTime(job);
        Classify(job, planned);
        var start = profile!.EarliestFit(job.Processors, planned, context.Now);
        profile.Allocate(start, start + planned, job.Processors);
        SetReservation(job, start);
    }

    /// <summary>
    /// Starts every job whose reservation has come, in arrival order; one that overtakes an earlier arrival
    /// still waiting counts as backfilled.
    /// </summary>
    private void StartDueJobs(SchedulingContext context)
    {
        var now = context.Now;
        dueNow.Clear();
        var jobs = context.Waiting;
        while (due.TryPopDue(now.Microseconds, out var time, out var index))
        {
            if (index < reservations.Length && reservations[index].Microseconds == time && FindWaiting(jobs, index) is { } job && !isDue[index])
            {
                isDue[index] = true;
                dueNow.Add(job);
            }
        }

        if (dueNow.Count == 0)
        {
            return;
        }

        dueNow.Sort((left, right) => left.Index.CompareTo(right.Index));
        var firstNotDue = int.MaxValue;
        foreach (var job in jobs)
        {
            if (!isDue[job.Index])
            {
                firstNotDue = job.Index;
                break;
            }
        }

        foreach (var job in dueNow)
        {
            isDue[job.Index] = false;
            runningEnds[job.Index] = context.Start(job, backfilled: firstNotDue < job.Index);
        }
    }

    private JobRequest? FindWaiting(WaitingQueue jobs, int index)
    {
        if (waitingByIndex.Length > index && waitingByIndex[index] is { } job && jobs.Contains(job))
        {
            return job;
        }

        return null;
    }

    private void SetReservation(JobRequest job, Instant start)
    {
        if (job.Index >= reservations.Length)
        {
            var capacity = Math.Max(job.Index + 1, reservations.Length * 2);
            Array.Resize(ref reservations, capacity);
            Array.Resize(ref waitingByIndex, capacity);
            Array.Resize(ref isDue, capacity);
            Array.Resize(ref runningEnds, capacity);
        }

        reservations[job.Index] = start;
        waitingByIndex[job.Index] = job;
        if (start != Instant.MaxValue)
        {
            due.Push(start.Microseconds, job.Index);
        }
    }
}
