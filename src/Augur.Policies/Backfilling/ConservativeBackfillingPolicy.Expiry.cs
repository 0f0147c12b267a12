using Augur.Core.Scheduling;
using Augur.Core.Time;

namespace Augur.Policies.Backfilling;

public sealed partial class ConservativeBackfillingPolicy
{
    private Instant lastReplan = Instant.MaxValue;

    /// <summary>
    /// Running jobs outlived their estimates (with a predictor): the profile takes every running job's
    /// corrected end from the view (the driver corrects all estimates expiring at one instant before the
    /// first decision), and since the longer runs may overlap reservations made behind them, every waiting job
    /// is re-placed, in queue order, at its earliest fit given the running jobs and the jobs placed before it.
    /// This costs a pass over the queue per expiry instant (with Tsafrir's predictor on KTH-SP2, 51,070
    /// corrections for 28,481 jobs): the price of keeping every reservation valid without peeking.
    /// </summary>
    private void Replan(SchedulingContext context)
    {
        // The driver corrects every estimate expiring at this instant before the first decision: the first
        // replan has seen them all, and later ones at the same instant would redo the same work.
        if (context.Now == lastReplan)
        {
            return;
        }

        lastReplan = context.Now;
        foreach (var job in context.Waiting)
        {
            var start = reservations[job.Index];
            if (start != Instant.MaxValue)
            {
                profile!.Release(start, start + context.PlannedRunTime(job), job.Processors);
            }
        }

        foreach (var running in context.Profile)
        {
            var index = running.Request.Index;
            if (index < runningEnds.Length && running.EstimatedEnd > runningEnds[index] && runningEnds[index] != default)
            {
                profile!.Allocate(Instant.Max(runningEnds[index], context.Now), running.EstimatedEnd, running.Request.Processors);
                runningEnds[index] = running.EstimatedEnd;
            }
        }

        if (ordered is null)
        {
            foreach (var job in context.Waiting)
            {
                Reserve(context, job);
            }
        }
        else
        {
            var cursor = ordered.Arrange(context);
            while (cursor.MoveNext())
            {
                Reserve(context, cursor.Current);
            }
        }
    }
}
