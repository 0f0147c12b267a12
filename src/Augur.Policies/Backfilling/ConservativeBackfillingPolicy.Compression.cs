using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;

namespace Augur.Policies.Backfilling;

public sealed partial class ConservativeBackfillingPolicy
{
    private Instant regionsEnd;
    private bool movedInPass;

    // The capacity freed in the previous pass and in this one: the widest of it, and where the earliest of it
    // starts. A job last visited in the previous pass can only gain from these.
    private int previousWidest;
    private int passWidest;
    private Instant previousFirstFreed;
    private Instant passFirstFreed;

    /// <summary>
    /// Moves waiting jobs earlier into capacity freed in [now, releasedUntil), and into the slots that the
    /// moved jobs leave, pass after pass in queue order until none moves (each job moves to its earliest fit
    /// given all other reservations). Every reservation was already the earliest the others allowed, so a
    /// job can only gain from a window that touches capacity freed since its last visit, at an instant before
    /// its own slot: it needs no more processors than the widest such region offers, it is reserved after the
    /// earliest one starts, and its new start lies before the end of the last freed region. Other jobs are
    /// passed over, and a visited job is searched for only if it can gain (<see cref="MayGain"/>). The
    /// schedule is the same as re-placing every job in every pass.
    /// </summary>
    private void Compress(SchedulingContext context, Instant now, Instant releasedUntil)
    {
        regionsEnd = releasedUntil;
        previousWidest = profile!.MaxFree(now, releasedUntil);
        previousFirstFreed = now;
        passWidest = 0;
        passFirstFreed = Instant.MaxValue;
        do
        {
            movedInPass = false;
            if (ordered is null)
            {
                // A plain walk: most waiting jobs are narrow enough to be visited, and the visit itself costs
                // less than a search of the queue's index per job.
                foreach (var job in context.Waiting)
                {
                    if (job.Processors <= Math.Max(previousWidest, passWidest))
                    {
                        TryMoveEarlier(context, job);
                    }
                }
            }
            else
            {
                var cursor = ordered.Arrange(context);
                while (cursor.MoveNext())
                {
                    if (cursor.Current.Processors <= Math.Max(previousWidest, passWidest))
                    {
                        TryMoveEarlier(context, cursor.Current);
                    }
                }
            }

            // Jobs met before a move in this pass have not seen the slot it freed: one more pass.
            previousWidest = passWidest;
            previousFirstFreed = passFirstFreed;
            passWidest = 0;
            passFirstFreed = Instant.MaxValue;
        }
        while (movedInPass);
    }

    private void TryMoveEarlier(SchedulingContext context, JobRequest job)
    {
        var now = context.Now;
        var current = reservations[job.Index];
        if (current <= now || current <= Instant.Min(previousFirstFreed, passFirstFreed))
        {
            // Due now, or reserved no later than any capacity freed since the job was last visited: a new
            // window would have to end by the reservation and touch that capacity, which starts too late.
            return;
        }

        var planned = context.PlannedRunTime(job);
        if (!MayGain(job, now, current, planned))
        {
            return;
        }

        var earlier = profile!.EarlierFit(job.Processors, planned, now, regionsEnd, current);
        if (earlier == Instant.MaxValue)
        {
            return;
        }

        var end = current + planned;
        var freed = profile.ReleaseAndMaxFree(current, end, job.Processors);
        profile.Allocate(earlier, earlier + planned, job.Processors);
        SetReservation(job, earlier);
        passWidest = Math.Max(passWidest, freed);
        passFirstFreed = Instant.Min(passFirstFreed, current);
        regionsEnd = Instant.Max(regionsEnd, end);
        movedInPass = true;
    }
}
