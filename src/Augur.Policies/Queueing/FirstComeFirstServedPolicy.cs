using Augur.Core.Scheduling;

namespace Augur.Policies.Queueing;

/// <summary>
/// <c>queue/fcfs</c>: no backfilling. Jobs start strictly in queue order (arrival, or <c>--order</c>);
/// when the first waiting job does not fit, nothing behind it starts.
/// </summary>
public sealed class FirstComeFirstServedPolicy : IPolicy
{
    private readonly OrderedWaitingJobs? ordered;

    public FirstComeFirstServedPolicy(IQueueOrder? order = null)
    {
        Order = order ?? new ArrivalOrder();
        ordered = Order.IsArrivalOrder ? null : new OrderedWaitingJobs(Order);
    }

    public string Id => "queue/fcfs";

    public IQueueOrder Order { get; }

    public void Decide(SchedulingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Trigger == DecisionTrigger.EstimateExpired)
        {
            return;
        }

        if (ordered is null)
        {
            var cursor = new ArrivalCursor(context.Waiting);
            StartInOrder(context, ref cursor);
        }
        else
        {
            var cursor = ordered.Arrange(context);
            StartInOrder(context, ref cursor);
        }
    }

    private static void StartInOrder<TCursor>(SchedulingContext context, ref TCursor cursor)
        where TCursor : struct, IJobCursor
    {
        var free = context.Profile.FreeAt(context.Now);
        while (cursor.MoveNext())
        {
            var job = cursor.Current;
            if (job.Processors > free)
            {
                return;
            }

            context.Start(job);
            free -= job.Processors;
        }
    }
}
