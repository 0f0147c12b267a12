using Augur.Core.Scheduling;
using Augur.Core.Time;

namespace Augur.Policies.Backfilling;

public sealed partial class ConservativeBackfillingPolicy
{
    /// <summary>
    /// Running jobs outlived their estimates (with a predictor): the profile takes every running job's
    /// corrected end from the view (the driver corrects all estimates expiring at one instant before the
    /// first decision), and since the longer runs may overlap reservations made behind them, every waiting job
    /// is re-placed, in queue order, at its earliest fit given the running jobs and the jobs placed before it.
    /// Expiries are rare next to terminations, so simplicity wins over speed here.
    /// </summary>
    private void Replan(SchedulingContext context)
    {
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
