using Augur.Core.Jobs;

namespace Augur.Core.Scheduling;

/// <summary>
/// The jobs waiting to start, in arrival order. Starting a job removes it at once, and enumeration stays
/// valid while jobs are started (removed slots are skipped, never shifted), so a policy may start jobs from
/// inside a loop over the queue. The driver compacts the storage between decisions.
/// </summary>
public sealed class WaitingQueue
{
    private JobRequest?[] slots;
    private int[] slotOfJob = new int[64];
    private readonly WaitingJobIndex index;
    private int head;
    private int tail;

    public WaitingQueue(int capacity = 64)
    {
        slots = new JobRequest?[Math.Max(4, capacity)];
        plannedRuns = new long[slots.Length];
        index = new WaitingJobIndex(slots.Length);
    }

    private long[] plannedRuns;

    /// <summary>Jobs waiting now.</summary>
    public int Count { get; private set; }

    /// <summary>The earliest-arrived waiting job, or null when the queue is empty.</summary>
    public JobRequest? Head
    {
        get
        {
            SkipRemovedAtHead();
            return head < tail ? slots[head] : null;
        }
    }

    /// <summary>Enumerates waiting jobs in arrival order; safe while jobs are being started.</summary>
    public Enumerator GetEnumerator()
    {
        SkipRemovedAtHead();
        return new(this);
    }

    /// <summary>Copies the waiting jobs, in arrival order, to the start of <paramref name="buffer"/>; returns how many.</summary>
    public int CopyTo(JobRequest[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var count = 0;
        for (var i = head; i < tail; i++)
        {
            if (slots[i] is { } job)
            {
                buffer[count++] = job;
            }
        }

        return count;
    }

    /// <summary>
    /// Starts a search for backfilling candidates among the jobs that arrived after
    /// <paramref name="blockedJob"/> (a waiting job), in arrival order.
    /// </summary>
    public BackfillScan ScanAfter(JobRequest blockedJob)
    {
        ArgumentNullException.ThrowIfNull(blockedJob);
        var slot = blockedJob.Index < slotOfJob.Length ? slotOfJob[blockedJob.Index] : -1;
        if (slot < head || slot >= tail || !ReferenceEquals(slots[slot], blockedJob))
        {
            throw new ArgumentException($"{blockedJob} is not waiting.", nameof(blockedJob));
        }

        return new BackfillScan(this, slot + 1);
    }

    /// <summary>Starts a search like <see cref="ScanAfter"/> over the whole queue, from its first job.</summary>
    public BackfillScan ScanAll()
    {
        SkipRemovedAtHead();
        return new BackfillScan(this, head);
    }

    /// <summary>Adds a newly submitted job at the back (driver use), with the run time the scheduler plans it with.</summary>
    internal void Enqueue(JobRequest job, Time.Duration plannedRunTime)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (tail == slots.Length)
        {
            Compact();
            if (tail == slots.Length)
            {
                Array.Resize(ref slots, slots.Length * 2);
                Array.Resize(ref plannedRuns, slots.Length);
                RebuildIndex();
            }
        }

        if (job.Index >= slotOfJob.Length)
        {
            Array.Resize(ref slotOfJob, Math.Max(slotOfJob.Length * 2, job.Index + 1));
        }

        slotOfJob[job.Index] = tail;
        plannedRuns[tail] = plannedRunTime.Microseconds;
        index.Set(tail, job.Processors, plannedRunTime.Microseconds);
        slots[tail++] = job;
        Count++;
    }

    /// <summary>Whether <paramref name="job"/> is waiting.</summary>
    public bool Contains(JobRequest job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Index >= slotOfJob.Length)
        {
            return false;
        }

        var slot = slotOfJob[job.Index];
        return slot >= head && slot < tail && ReferenceEquals(slots[slot], job);
    }

    /// <summary>Removes a job that has started (driver use); returns false if it was not waiting.</summary>
    internal bool Remove(JobRequest job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Index >= slotOfJob.Length)
        {
            return false;
        }

        var slot = slotOfJob[job.Index];
        if (slot < head || slot >= tail || !ReferenceEquals(slots[slot], job))
        {
            return false;
        }

        slots[slot] = null;
        index.Clear(slot);
        Count--;
        if (slot == head)
        {
            SkipRemovedAtHead();
        }

        return true;
    }

    /// <summary>Reclaims removed slots when they outnumber live ones (driver use, between decisions).</summary>
    internal void CompactIfSparse()
    {
        if (tail - head > 2 * Count + 16)
        {
            Compact();
        }
    }

    private void SkipRemovedAtHead()
    {
        while (head < tail && slots[head] is null)
        {
            head++;
        }
    }

    private void Compact()
    {
        var write = 0;
        for (var read = head; read < tail; read++)
        {
            if (slots[read] is { } job)
            {
                slotOfJob[job.Index] = write;
                plannedRuns[write] = plannedRuns[read];
                slots[write++] = job;
            }
        }

        Array.Clear(slots, write, tail - write);
        head = 0;
        tail = write;
        RebuildIndex();
    }

    private void RebuildIndex()
    {
        index.Resize(slots.Length);
        for (var slot = head; slot < tail; slot++)
        {
            if (slots[slot] is { } job)
            {
                index.Set(slot, job.Processors, plannedRuns[slot]);
            }
        }
    }

    /// <summary>
    /// Finds, in arrival order, the waiting jobs that fit now: EASY's backfilling test, answered by
    /// skipping whole runs of jobs that cannot fit. Valid while jobs are started.
    /// </summary>
    public struct BackfillScan
    {
        private readonly WaitingQueue queue;
        private int position;

        internal BackfillScan(WaitingQueue queue, int position)
        {
            this.queue = queue;
            this.position = position;
        }

        /// <summary>
        /// The next job needing at most <paramref name="freeProcessors"/> that either plans to end within
        /// <paramref name="window"/> or needs at most <paramref name="extraProcessors"/>; null when none is left.
        /// </summary>
        public JobRequest? Next(int freeProcessors, int extraProcessors, Time.Duration window)
        {
            if (position >= queue.tail)
            {
                return null;
            }

            var slot = queue.index.FindFirst(position, freeProcessors, extraProcessors, window.Microseconds);
            if (slot < 0 || slot >= queue.tail)
            {
                position = queue.tail;
                return null;
            }

            position = slot + 1;
            return queue.slots[slot];
        }
    }

    /// <summary>Struct enumerator: no allocation per pass.</summary>
    public struct Enumerator
    {
        private readonly WaitingQueue queue;
        private int position;

        internal Enumerator(WaitingQueue queue)
        {
            this.queue = queue;
            position = queue.head - 1;
            Current = null!;
        }

        public JobRequest Current { get; private set; }

        public bool MoveNext()
        {
            var slots = queue.slots;
            while (++position < queue.tail)
            {
                if (slots[position] is { } job)
                {
                    Current = job;
                    return true;
                }
            }

            return false;
        }
    }
}
