namespace Augur.Service.Driver;

/// <summary>
/// What /metrics reports. The scheduler's loop writes; request threads read, so every field is read and written
/// with Interlocked or Volatile. Decision latencies go into a fixed histogram (Prometheus) and a ring of the
/// 4,096 most recent ones, from which the benchmark's p50 and p99 are read.
/// </summary>
public sealed class SchedulerMetrics
{
    /// <summary>Upper bounds of the latency histogram's buckets, in seconds.</summary>
    public static IReadOnlyList<double> LatencyBounds { get; } = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

    private const int RecentSize = 4096;

    private readonly long[] bucketCounts = new long[LatencyBounds.Count + 1];
    private readonly double[] recent = new double[RecentSize];
    private readonly Lock recentGate = new();
    private long recentCount;
    private long decisions;
    private double latencySum;
    private long queueLength;
    private long runningJobs;
    private long busyProcessors;
    private long finishedJobs;
    private double absoluteErrorSum;
    private long predictedJobs;
    private long invalidDecisions;

    public long QueueLength { get => Volatile.Read(ref queueLength); set => Volatile.Write(ref queueLength, value); }

    public long RunningJobs { get => Volatile.Read(ref runningJobs); set => Volatile.Write(ref runningJobs, value); }

    public long BusyProcessors { get => Volatile.Read(ref busyProcessors); set => Volatile.Write(ref busyProcessors, value); }

    public long FinishedJobs => Interlocked.Read(ref finishedJobs);

    public long Decisions => Interlocked.Read(ref decisions);

    public long InvalidDecisions => Interlocked.Read(ref invalidDecisions);

    public double LatencySumSeconds
    {
        get
        {
            lock (recentGate)
            {
                return latencySum;
            }
        }
    }

    /// <summary>Mean absolute error of run-time estimates, in seconds, over the jobs that ran; NaN before the first.</summary>
    public double MeanAbsoluteErrorSeconds
    {
        get
        {
            lock (recentGate)
            {
                return predictedJobs == 0 ? double.NaN : absoluteErrorSum / predictedJobs;
            }
        }
    }

    public long PredictedJobs
    {
        get
        {
            lock (recentGate)
            {
                return predictedJobs;
            }
        }
    }

    public long BucketCount(int bucket) => Interlocked.Read(ref bucketCounts[bucket]);

    public void RecordDecision(double seconds)
    {
        var bucket = 0;
        while (bucket < LatencyBounds.Count && seconds > LatencyBounds[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref bucketCounts[bucket]);
        Interlocked.Increment(ref decisions);
        lock (recentGate)
        {
            latencySum += seconds;
            recent[recentCount++ % RecentSize] = seconds;
        }
    }

    public void RecordInvalidDecision() => Interlocked.Increment(ref invalidDecisions);

    public void RecordFinished(double? estimateSeconds, double runSeconds)
    {
        Interlocked.Increment(ref finishedJobs);
        if (estimateSeconds is { } estimate)
        {
            lock (recentGate)
            {
                absoluteErrorSum += Math.Abs(estimate - runSeconds);
                predictedJobs++;
            }
        }
    }

    /// <summary>The <paramref name="quantile"/> of the most recent decision latencies (up to 4,096), in seconds; NaN before any.</summary>
    public double RecentLatency(double quantile)
    {
        double[] copy;
        lock (recentGate)
        {
            var count = (int)Math.Min(recentCount, RecentSize);
            copy = recent[..count];
        }

        if (copy.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(copy);
        var rank = (int)Math.Ceiling(quantile * copy.Length) - 1;
        return copy[Math.Clamp(rank, 0, copy.Length - 1)];
    }
}
