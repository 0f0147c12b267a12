namespace Augur.Policies.Gpu;

/// <summary>A binary min-heap of jobs by a 64-bit key, ties to the lower job index (earlier arrival); arrays only.</summary>
internal sealed class JobHeap
{
    private long[] keys = new long[256];
    private int[] jobs = new int[256];

    public int Count { get; private set; }

    public int PeekJob => jobs[0];

    public long PeekKey => keys[0];

    /// <summary>Starts jobs in heap order while they fit; the first that does not fit blocks the rest (no backfilling).</summary>
    public void StartWhileTheyFit(Core.Scheduling.Gpu.GpuSchedulingContext context)
    {
        while (Count > 0 && context.TryStart(PeekJob))
        {
            Pop();
        }
    }

    public void Push(long key, int job)
    {
        if (Count == keys.Length)
        {
            Array.Resize(ref keys, keys.Length * 2);
            Array.Resize(ref jobs, jobs.Length * 2);
        }

        var position = Count++;
        while (position > 0)
        {
            var parent = (position - 1) >> 1;
            if (!Precedes(key, job, keys[parent], jobs[parent]))
            {
                break;
            }

            keys[position] = keys[parent];
            jobs[position] = jobs[parent];
            position = parent;
        }

        keys[position] = key;
        jobs[position] = job;
    }

    public void Pop()
    {
        var lastKey = keys[--Count];
        var lastJob = jobs[Count];
        var position = 0;
        while (true)
        {
            var child = (2 * position) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Precedes(keys[child + 1], jobs[child + 1], keys[child], jobs[child]))
            {
                child++;
            }

            if (!Precedes(keys[child], jobs[child], lastKey, lastJob))
            {
                break;
            }

            keys[position] = keys[child];
            jobs[position] = jobs[child];
            position = child;
        }

        keys[position] = lastKey;
        jobs[position] = lastJob;
    }

    private static bool Precedes(long key, int job, long otherKey, int otherJob) => key != otherKey ? key < otherKey : job < otherJob;
}
