using Augur.Core.Jobs;
using Augur.Core.Scheduling;

namespace Augur.Policies.Backfilling;

/// <summary>
/// The waiting jobs sorted by planned run time, ties in arrival order (a stable sort, as pyss's), kept
/// across decisions: a submission inserts one job by binary search and a start removes one, instead of
/// sorting the whole queue at every decision. Parallel arrays keep the scan free of allocation.
/// </summary>
internal sealed class ShortestPlannedIndex
{
    private long[] planned = new long[64];
    private int[] arrival = new int[64];
    private JobRequest[] jobs = new JobRequest[64];

    public int Count { get; private set; }

    public JobRequest this[int position] => jobs[position];

    public long PlannedAt(int position) => planned[position];

    /// <summary>Inserts <paramref name="job"/>, planned to run <paramref name="plannedMicroseconds"/>.</summary>
    public void Insert(JobRequest job, long plannedMicroseconds)
    {
        if (Count == jobs.Length)
        {
            var capacity = jobs.Length * 2;
            Array.Resize(ref planned, capacity);
            Array.Resize(ref arrival, capacity);
            Array.Resize(ref jobs, capacity);
        }

        var position = UpperBound(plannedMicroseconds, job.Index);
        var moved = Count - position;
        Array.Copy(planned, position, planned, position + 1, moved);
        Array.Copy(arrival, position, arrival, position + 1, moved);
        Array.Copy(jobs, position, jobs, position + 1, moved);
        planned[position] = plannedMicroseconds;
        arrival[position] = job.Index;
        jobs[position] = job;
        Count++;
    }

    public void RemoveAt(int position)
    {
        var moved = Count - position - 1;
        Array.Copy(planned, position + 1, planned, position, moved);
        Array.Copy(arrival, position + 1, arrival, position, moved);
        Array.Copy(jobs, position + 1, jobs, position, moved);
        Count--;
        jobs[Count] = null!;
    }

    /// <summary>Removes <paramref name="job"/>, inserted with <paramref name="plannedMicroseconds"/>; false if absent.</summary>
    public bool Remove(JobRequest job, long plannedMicroseconds)
    {
        var position = UpperBound(plannedMicroseconds, job.Index) - 1;
        if (position < 0 || !ReferenceEquals(jobs[position], job))
        {
            return false;
        }

        RemoveAt(position);
        return true;
    }

    /// <summary>Refills the index from <paramref name="context"/>'s queue (a policy that joins a running system).</summary>
    public void Rebuild(SchedulingContext context)
    {
        Array.Clear(jobs, 0, Count);
        Count = 0;
        foreach (var job in context.Waiting)
        {
            Insert(job, context.PlannedRunTime(job).Microseconds);
        }
    }

    /// <summary>The first position whose key is greater than (planned, arrival index).</summary>
    private int UpperBound(long plannedMicroseconds, int arrivalIndex)
    {
        var low = 0;
        var high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (planned[middle] < plannedMicroseconds || (planned[middle] == plannedMicroseconds && arrival[middle] <= arrivalIndex))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
