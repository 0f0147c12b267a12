using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Policies.Queueing;

namespace Augur.Policies.Backfilling;

/// <summary>
/// <c>backfill/easy</c>: EASY backfilling (Lifka, "The ANL/IBM SP scheduling system", JSSPP'95), with the
/// exact rules of pyss, the simulator behind Gaussier et al. (SC'15):
/// <list type="bullet">
/// <item>On a submission, nothing happens unless the submitted job fits in the processors free now.</item>
/// <item>Otherwise (and on every termination) jobs start from the head of the queue while they fit; the
/// first that does not gets a reservation at the earliest instant enough processors are planned free
/// (its "shadow time").</item>
/// <item>Every later job, in queue order, starts now if it fits now and either ends (by its planned run
/// time) at or before the shadow time, or uses only processors the reserved job will not need.</item>
/// </list>
/// Processors of jobs planned to end at or before now count as free (see <see cref="AvailabilityProfile"/>).
/// </summary>
public sealed class EasyBackfillingPolicy : IPolicy
{
    private readonly OrderedWaitingJobs? ordered;

    public EasyBackfillingPolicy(IQueueOrder? order = null)
    {
        Order = order ?? new ArrivalOrder();
        ordered = Order.IsArrivalOrder ? null : new OrderedWaitingJobs(Order);
    }

    public string Id => "backfill/easy";

    public IQueueOrder Order { get; }

    public void Decide(SchedulingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A corrected estimate changes the profile but frees nothing: pyss schedules nothing then.
        if (context.Trigger == DecisionTrigger.EstimateExpired)
        {
            return;
        }

        if (context.Trigger == DecisionTrigger.Submission &&
            context.TriggerJob is { } submitted &&
            context.Profile.FreeAt(context.Now) < submitted.Processors)
        {
            return;
        }

        if (ordered is null)
        {
            ArrivalOrderPass(context);
        }
        else
        {
            var cursor = ordered.Arrange(context);
            Pass(context, ref cursor);
        }
    }

    /// <summary>
    /// The same pass as <see cref="Pass{TCursor}"/> in arrival order, with the candidates found through the
    /// queue's index instead of one test per waiting job: identical decisions, far fewer tests on long queues.
    /// </summary>
    private static void ArrivalOrderPass(SchedulingContext context)
    {
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
            free -= job.Processors;
        }

        if (blocked is null || free == 0)
        {
            return;
        }

        var reservation = context.Profile.EarliestReservation(blocked.Processors, now);
        var window = reservation.Start - now;
        var extra = reservation.ExtraProcessors;
        var scan = context.Waiting.ScanAfter(blocked);
        while (free > 0 && scan.Next(free, extra, window) is { } job)
        {
            context.Start(job, backfilled: true);
            free -= job.Processors;
            if (now + context.PlannedRunTime(job) > reservation.Start)
            {
                extra -= job.Processors;
            }
        }
    }

    private static void Pass<TCursor>(SchedulingContext context, ref TCursor cursor)
        where TCursor : struct, IJobCursor
    {
        var now = context.Now;
        var free = context.Profile.FreeAt(now);
        var headBlocked = false;
        Reservation reservation = default;
        while (cursor.MoveNext())
        {
            var job = cursor.Current;
            if (!headBlocked)
            {
                if (job.Processors <= free)
                {
                    context.Start(job);
                    free -= job.Processors;
                    continue;
                }

                headBlocked = true;
                reservation = context.Profile.EarliestReservation(job.Processors, now);
                continue;
            }

            if (free == 0)
            {
                return;
            }

            if (job.Processors > free)
            {
                continue;
            }

            var plannedEnd = now + context.PlannedRunTime(job);
            if (plannedEnd <= reservation.Start)
            {
                context.Start(job, backfilled: true);
                free -= job.Processors;
            }
            else if (job.Processors <= reservation.ExtraProcessors)
            {
                context.Start(job, backfilled: true);
                free -= job.Processors;
                reservation = reservation with { ExtraProcessors = reservation.ExtraProcessors - job.Processors };
            }
        }
    }
}
