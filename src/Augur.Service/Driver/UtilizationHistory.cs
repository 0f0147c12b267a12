namespace Augur.Service.Driver;

/// <summary>
/// The machine's use over a bounded past (an hour of one-second buckets by default), for the dashboard. The
/// scheduler's loop records each change in constant time without allocating; requests read under a short lock,
/// never through the loop. A bucket holds the time-weighted mean of busy processors over the part of it the
/// service ran, and the most jobs that ran and that waited at once within it. Between two records the state is
/// constant, so a read first carries the last state up to its own time.
/// </summary>
public sealed class UtilizationHistory
{
    public const int DefaultCapacity = 3600;

    private readonly long resolution;
    private readonly long[] busyTime;
    private readonly long[] coveredTime;
    private readonly int[] mostRunning;
    private readonly int[] mostWaiting;
    private readonly Lock gate = new();
    private bool started;
    private long firstBucket;
    private long currentBucket;
    private long lastTime;
    private int busy;
    private int running;
    private int waiting;

    public UtilizationHistory(int capacity = DefaultCapacity, long resolutionMicroseconds = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resolutionMicroseconds, 1);
        resolution = resolutionMicroseconds;
        busyTime = new long[capacity];
        coveredTime = new long[capacity];
        mostRunning = new int[capacity];
        mostWaiting = new int[capacity];
    }

    /// <summary>How many buckets the history keeps.</summary>
    public int Capacity => busyTime.Length;

    public long ResolutionMicroseconds => resolution;

    /// <summary>The state from <paramref name="nowMicroseconds"/> on; an earlier time than the last record counts as the last.</summary>
    public void Record(long nowMicroseconds, int busyProcessors, int runningJobs, int waitingJobs)
    {
        lock (gate)
        {
            if (!started)
            {
                started = true;
                firstBucket = currentBucket = nowMicroseconds / resolution;
                lastTime = nowMicroseconds;
                Clear(currentBucket);
            }
            else
            {
                AdvanceTo(nowMicroseconds);
            }

            busy = busyProcessors;
            running = runningJobs;
            waiting = waitingJobs;
            var slot = Slot(currentBucket);
            mostRunning[slot] = Math.Max(mostRunning[slot], runningJobs);
            mostWaiting[slot] = Math.Max(mostWaiting[slot], waitingJobs);
        }
    }

    /// <summary>The latest <paramref name="buckets"/> buckets up to <paramref name="nowMicroseconds"/> (fewer if the service ran for less).</summary>
    public UtilizationWindow Read(long nowMicroseconds, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        lock (gate)
        {
            if (!started)
            {
                return new UtilizationWindow(nowMicroseconds / resolution * resolution, resolution, [], [], []);
            }

            AdvanceTo(nowMicroseconds);
            var first = Math.Max(firstBucket, Math.Max(currentBucket - Capacity + 1, currentBucket - buckets + 1));
            var count = (int)(currentBucket - first + 1);
            var busyMeans = new double[count];
            var runningMost = new int[count];
            var waitingMost = new int[count];
            for (var i = 0; i < count; i++)
            {
                var slot = Slot(first + i);
                busyMeans[i] = coveredTime[slot] == 0 ? busy : busyTime[slot] / (double)coveredTime[slot];
                runningMost[i] = mostRunning[slot];
                waitingMost[i] = mostWaiting[slot];
            }

            return new UtilizationWindow(first * resolution, resolution, busyMeans, runningMost, waitingMost);
        }
    }

    /// <summary>Carries the current state forward to <paramref name="now"/>, bucket by bucket; a gap longer than the ring fills only the ring.</summary>
    private void AdvanceTo(long now)
    {
        if (now <= lastTime)
        {
            return;
        }

        var target = now / resolution;
        while (true)
        {
            var end = Math.Min(now, (currentBucket + 1) * resolution);
            var slot = Slot(currentBucket);
            busyTime[slot] += busy * (end - lastTime);
            coveredTime[slot] += end - lastTime;
            lastTime = end;
            if (currentBucket == target)
            {
                return;
            }

            currentBucket = Math.Max(currentBucket + 1, target - Capacity + 1);
            lastTime = Math.Max(lastTime, currentBucket * resolution);
            Clear(currentBucket);
        }
    }

    /// <summary>Empties a bucket that the current state begins: its maxima start at that state.</summary>
    private void Clear(long bucket)
    {
        var slot = Slot(bucket);
        busyTime[slot] = 0;
        coveredTime[slot] = 0;
        mostRunning[slot] = running;
        mostWaiting[slot] = waiting;
    }

    private int Slot(long bucket) => (int)(bucket % Capacity);
}
