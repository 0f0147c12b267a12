using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Policies.Queueing;

/// <summary><c>order/fcfs</c>: first come, first served (submission order; file order breaks ties).</summary>
public sealed class ArrivalOrder : IQueueOrder
{
    public string Id => "order/fcfs";

    public bool IsArrivalOrder => true;

    public double Score(JobRequest job, Instant now, Duration plannedRunTime)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Index;
    }
}
