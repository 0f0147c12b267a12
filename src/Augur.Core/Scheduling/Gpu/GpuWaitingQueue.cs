namespace Augur.Core.Scheduling.Gpu;

/// <summary>
/// GPU jobs in the order they were added (waiting jobs in arrival order; a policy's own queues), with removal
/// from anywhere in O(1): removed slots are left empty and skipped, and the array is compacted when it fills.
/// Nothing is allocated per job once it has grown. Do not add or remove while enumerating.
/// </summary>
public sealed class GpuWaitingQueue
{
    private const int Empty = -1;
    private readonly int[] slotOf;
    private int[] slots = new int[256];
    private int head;
    private int tail;

    /// <param name="jobs">How many jobs the workload holds (job indexes are 0..jobs-1).</param>
    public GpuWaitingQueue(int jobs)
    {
        slotOf = new int[jobs];
        Array.Fill(slotOf, Empty);
    }

    public int Count { get; private set; }

    public bool Contains(int job) => slotOf[job] != Empty;

    /// <summary>The job waiting longest, or -1 when none waits.</summary>
    public int First
    {
        get
        {
            while (head < tail && slots[head] == Empty)
            {
                head++;
            }

            return head < tail ? slots[head] : Empty;
        }
    }

    public void Add(int job)
    {
        if (slotOf[job] != Empty)
        {
            throw new InvalidOperationException($"Job {job} is already waiting.");
        }

        if (tail == slots.Length)
        {
            Compact();
        }

        slots[tail] = job;
        slotOf[job] = tail++;
        Count++;
    }

    public void Remove(int job)
    {
        var slot = slotOf[job];
        if (slot == Empty)
        {
            throw new InvalidOperationException($"Job {job} is not waiting.");
        }

        slots[slot] = Empty;
        slotOf[job] = Empty;
        Count--;
    }

    /// <summary>The waiting jobs in arrival order, into <paramref name="into"/> (cleared first).</summary>
    public void CopyTo(List<int> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        for (var slot = head; slot < tail; slot++)
        {
            if (slots[slot] != Empty)
            {
                into.Add(slots[slot]);
            }
        }
    }

    public Enumerator GetEnumerator() => new(this);

    private void Compact()
    {
        var kept = 0;
        for (var slot = head; slot < tail; slot++)
        {
            if (slots[slot] != Empty)
            {
                slots[kept] = slots[slot];
                slotOf[slots[kept]] = kept;
                kept++;
            }
        }

        head = 0;
        tail = kept;
        if (tail > slots.Length / 2)
        {
            Array.Resize(ref slots, slots.Length * 2);
        }
    }

    /// <summary>Enumerates the jobs in order without allocating.</summary>
    public struct Enumerator
    {
        private readonly GpuWaitingQueue queue;
        private int slot;

        internal Enumerator(GpuWaitingQueue queue)
        {
            this.queue = queue;
            slot = queue.head - 1;
        }

        public readonly int Current => queue.slots[slot];

        public bool MoveNext()
        {
            while (++slot < queue.tail)
            {
                if (queue.slots[slot] != Empty)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
