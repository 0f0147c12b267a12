using Augur.Core.Jobs;
using Augur.Core.Scheduling;

namespace Augur.Policies.Queueing;

/// <summary>
/// Sorts the waiting jobs by a score order into buffers the policy owns and reuses: one sort per
/// decision, no allocation once the buffers have grown to the queue's size.
/// </summary>
public sealed class OrderedWaitingJobs
{
    private readonly IQueueOrder order;
    private JobRequest[] jobs = new JobRequest[64];
    private PriorityKey[] keys = new PriorityKey[64];

    public OrderedWaitingJobs(IQueueOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        this.order = order;
    }

    /// <summary>Fills the buffer with the waiting jobs in order; returns a cursor over it.</summary>
    public BufferCursor Arrange(SchedulingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var waiting = context.Waiting;
        if (jobs.Length < waiting.Count)
        {
            var capacity = Math.Max(waiting.Count, jobs.Length * 2);
            jobs = new JobRequest[capacity];
            keys = new PriorityKey[capacity];
        }

        var count = waiting.CopyTo(jobs);
        for (var i = 0; i < count; i++)
        {
            var job = jobs[i];
            keys[i] = new PriorityKey(order.Score(job, context.Now, context.PlannedRunTime(job)), job.Index);
        }

        Array.Sort(keys, jobs, 0, count);
        return new BufferCursor(jobs, count);
    }

    /// <summary>Score, then arrival (job index): a total order, so sorting is deterministic.</summary>
    private readonly record struct PriorityKey(double Score, int Index) : IComparable<PriorityKey>
    {
        public int CompareTo(PriorityKey other)
        {
            var byScore = Score.CompareTo(other.Score);
            return byScore != 0 ? byScore : Index.CompareTo(other.Index);
        }
    }
}
