using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;

namespace Augur.Policies.Tests.Backfilling;

/// <summary>
/// EASY++ written the slow, obvious way from its rules, as an independent reference: nothing on an expiry;
/// otherwise start jobs from the head in arrival order while they fit, reserve the first that does not at
/// its shadow time (recomputed from the running jobs' planned ends by <see cref="ReferenceEasyPolicy"/>'s
/// helpers), then sort every other waiting job
/// by (planned run time, arrival) with LINQ and apply the EASY backfill rule to each in that order.
/// </summary>
internal sealed class EasyPlusPlusReferencePolicy : IPolicy
{
    public string Id => "test/reference-easy++";

    public void Decide(SchedulingContext context)
    {
        if (context.Trigger == DecisionTrigger.EstimateExpired)
        {
            return;
        }

        var now = context.Now;
        var buffer = new JobRequest[Math.Max(1, context.Waiting.Count)];
        var waiting = buffer.Take(context.Waiting.CopyTo(buffer)).OrderBy(job => job.Index).ToList();
        var free = ReferenceEasyPolicy.FreeNow(context);
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

        var (shadow, extra) = ReferenceEasyPolicy.ShadowTime(context, waiting[head].Processors);
        var candidates = waiting.Skip(head + 1)
            .OrderBy(job => context.PlannedRunTime(job).Microseconds)
            .ThenBy(job => job.Index)
            .ToList();
        foreach (var job in candidates)
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
}
