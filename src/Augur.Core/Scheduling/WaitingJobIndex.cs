namespace Augur.Core.Scheduling;

/// <summary>
/// A segment tree over the waiting queue's slots holding, per subtree, the fewest processors and the
/// shortest planned run time of its jobs. It lets EASY find the next job that can be backfilled without
/// testing every waiting job: a subtree whose jobs all need more processors than are free, or all both
/// outlast the reservation and need more than the spare processors, is skipped whole.
/// </summary>
internal sealed class WaitingJobIndex
{
    private const int Empty = int.MaxValue;

    private int leaves;
    private int[] fewestProcessors = [];
    private long[] shortestRun = [];

    public WaitingJobIndex(int capacity) => Resize(capacity);

    /// <summary>Makes room for <paramref name="capacity"/> slots; every slot starts empty.</summary>
    public void Resize(int capacity)
    {
        var needed = 1;
        while (needed < capacity)
        {
            needed <<= 1;
        }

        // Compaction rebuilds the index at the same size: reuse the arrays rather than allocate anew.
        if (needed != leaves)
        {
            leaves = needed;
            fewestProcessors = new int[2 * leaves];
            shortestRun = new long[2 * leaves];
        }

        Array.Fill(fewestProcessors, Empty);
        Array.Fill(shortestRun, long.MaxValue);
    }

    public void Set(int slot, int processors, long plannedRunMicroseconds)
    {
        var node = leaves + slot;
        fewestProcessors[node] = processors;
        shortestRun[node] = plannedRunMicroseconds;
        for (node >>= 1; node >= 1; node >>= 1)
        {
            fewestProcessors[node] = Math.Min(fewestProcessors[2 * node], fewestProcessors[(2 * node) + 1]);
            shortestRun[node] = Math.Min(shortestRun[2 * node], shortestRun[(2 * node) + 1]);
        }
    }

    public void Clear(int slot) => Set(slot, Empty, long.MaxValue);

    /// <summary>
    /// The first slot at or after <paramref name="from"/> whose job needs at most
    /// <paramref name="free"/> processors and either plans to run at most <paramref name="window"/> or
    /// needs at most <paramref name="extra"/> processors; -1 if none.
    /// </summary>
    public int FindFirst(int from, int free, int extra, long window) =>
        Find(1, 0, leaves - 1, from, Math.Min(free, Empty - 1), Math.Min(extra, Empty - 1), window);

    private int Find(int node, int low, int high, int from, int free, int extra, long window)
    {
        if (high < from)
        {
            return -1;
        }

        var processors = fewestProcessors[node];
        if (processors > free || (processors > extra && shortestRun[node] > window))
        {
            return -1;
        }

        if (low == high)
        {
            // A leaf: the bounds above are its own values, so the test is exact.
            return low;
        }

        var middle = (low + high) >>> 1;
        var found = Find(2 * node, low, middle, from, free, extra, window);
        return found >= 0 ? found : Find((2 * node) + 1, middle + 1, high, from, free, extra, window);
    }
}
