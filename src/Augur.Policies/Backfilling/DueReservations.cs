namespace Augur.Policies.Backfilling;

/// <summary>
/// Reservations by start time, in a binary min-heap. A job whose reservation moves is pushed again and its
/// old entry is skipped when it surfaces, so finding the jobs due now costs O(log n) each, not a queue scan.
/// </summary>
internal sealed class DueReservations
{
    private (long Time, int Job)[] heap = new (long, int)[64];
    private int count;

    public void Push(long time, int job)
    {
        if (count == heap.Length)
        {
            Array.Resize(ref heap, heap.Length * 2);
        }

        var position = count++;
        while (position > 0)
        {
            var parent = (position - 1) >> 1;
            if (!Precedes((time, job), heap[parent]))
            {
                break;
            }

            heap[position] = heap[parent];
            position = parent;
        }

        heap[position] = (time, job);
    }

    public int Count => count;

    /// <summary>The earliest entry, stale or not; false when empty.</summary>
    public bool TryPeek(out long time, out int job)
    {
        if (count == 0)
        {
            time = 0;
            job = -1;
            return false;
        }

        (time, job) = heap[0];
        return true;
    }

    /// <summary>Removes the earliest entry (the caller found it stale).</summary>
    public void PopEarliest() => TryPopDue(long.MaxValue, out _, out _);

    /// <summary>Empties the heap, to be refilled with the live reservations only.</summary>
    public void Clear() => count = 0;

    /// <summary>Removes and returns the earliest entry if it is at or before <paramref name="now"/>.</summary>
    public bool TryPopDue(long now, out long time, out int job)
    {
        if (count == 0 || heap[0].Time > now)
        {
            time = 0;
            job = -1;
            return false;
        }

        (time, job) = heap[0];
        var last = heap[--count];
        var position = 0;
        while (true)
        {
            var child = (2 * position) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && Precedes(heap[child + 1], heap[child]))
            {
                child++;
            }

            if (!Precedes(heap[child], last))
            {
                break;
            }

            heap[position] = heap[child];
            position = child;
        }

        heap[position] = last;
        return true;
    }

    private static bool Precedes((long Time, int Job) left, (long Time, int Job) right) =>
        left.Time < right.Time || (left.Time == right.Time && left.Job < right.Job);
}
