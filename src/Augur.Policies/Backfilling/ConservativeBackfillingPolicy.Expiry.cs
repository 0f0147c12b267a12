using Augur.Core.Scheduling;
using Augur.Core.Time;

namespace Augur.Policies.Backfilling;

public sealed partial class ConservativeBackfillingPolicy
{
    /// <summary>
    /// A running job outlived its estimate (with a predictor): its new estimate may overlap reservations
    /// made behind it, so every waiting job is re-placed, in queue order, at its earliest fit given the
    /// running jobs and the jobs placed before it. Rare next to terminations, so simplicity wins over speed.
    /// </summary>
    private void Replan(SchedulingContext context)
    {
        var expired = context.Expired;
        foreach (var job in context.Waiting)
        {
            var start = reservations[job.Index];
            if (start != Instant.MaxValue)
            {
                profile!.Release(start, start + context.PlannedRunTime(job), job.Processors);
            }
        }

        profile!.Allocate(context.PreviousEstimatedEnd, expired.EstimatedEnd, expired.Request.Processors);
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
