using System.Globalization;
using Augur.Reports.Runs;

namespace Augur.Reports.Charts;

/// <summary>
/// The charts of a GPU run's gpu_allocation.csv (at most 1,000 intervals as Augur writes it): GPUs allocated, free
/// and fragmented; jobs waiting; preemptions. A longer file is reduced to <see cref="MaximumPoints"/> points by
/// merging runs of consecutive intervals (time-weighted means; preemptions summed), so the page stays small
/// whatever the file holds. x is days since the first submission, at each point's middle.
/// </summary>
public static class GpuAllocationCharts
{
    public const int MaximumPoints = 1000;

    private static readonly ChartAxis Time = new("days since the first submission");

    /// <param name="rows">The intervals, in order.</param>
    /// <param name="gpus">The cluster's GPUs: free = GPUs − allocated.</param>
    /// <param name="origin">The first submission, in seconds from the trace's origin.</param>
    /// <param name="maximumPoints">How many points at most.</param>
    public static Chart Build(IReadOnlyList<GpuAllocationRow> rows, int gpus, double origin, int maximumPoints = MaximumPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gpus);
        var merged = Merge(rows, origin, maximumPoints);
        var free = Array.ConvertAll(merged.Allocated, allocated => gpus - allocated);
        return new Chart(
            "gpu-allocation",
            "GPUs allocated and free over time",
            Time,
            new ChartAxis("GPUs") { Range = (0, gpus) },
            merged.X,
            [
                new ChartSeries("allocated", merged.Allocated, SeriesStyle.Line),
                new ChartSeries("free", free, SeriesStyle.Line),
                new ChartSeries("fragmented", merged.Fragmented, SeriesStyle.Line),
            ])
        {
            Note = merged.Describe("time-weighted means") + $" Allocated: GPUs held, shares in proportion; free: the cluster's {gpus.ToString("N0", CultureInfo.InvariantCulture)} GPUs minus those; fragmented: free GPUs the waiting jobs cannot use (0 while none waits).",
        };
    }

    /// <summary>Jobs waiting over time, preempted ones waiting to resume included; null when the file has no <c>waiting_jobs</c> (written before it had).</summary>
    public static Chart? Waiting(IReadOnlyList<GpuAllocationRow> rows, double origin, int maximumPoints = MaximumPoints)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows.Any(row => double.IsNaN(row.WaitingJobs)))
        {
            return null;
        }

        var merged = Merge(rows, origin, maximumPoints);
        return new Chart("gpu-waiting", "Jobs waiting over time", Time, new ChartAxis("jobs waiting"), merged.X, [new ChartSeries("waiting", merged.Waiting, SeriesStyle.Line)])
        {
            Note = merged.Describe("time-weighted means") + " Jobs submitted and not running: those not yet started and those preempted and waiting to resume.",
        };
    }

    /// <summary>Preemptions per interval; null when the file has no <c>preemptions</c> or the run had none (the policy does not preempt).</summary>
    public static Chart? Preemptions(IReadOnlyList<GpuAllocationRow> rows, double origin, int maximumPoints = MaximumPoints)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows.Any(row => row.Preemptions < 0) || rows.All(row => row.Preemptions == 0))
        {
            return null;
        }

        var merged = Merge(rows, origin, maximumPoints);
        var total = rows.Sum(row => row.Preemptions);
        return new Chart("gpu-preemptions", "Preemptions over time", Time, new ChartAxis("preemptions per interval"), merged.X, [new ChartSeries("preemptions", merged.Preemptions, SeriesStyle.Line)])
        {
            Note = merged.Describe("counts") + $" Running jobs preempted in each interval ({total.ToString("N0", CultureInfo.InvariantCulture)} in all).",
        };
    }

    private static Merged Merge(IReadOnlyList<GpuAllocationRow> rows, double origin, int maximumPoints)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumPoints);
        var merge = Math.Max(1, (rows.Count + maximumPoints - 1) / maximumPoints);
        var points = (rows.Count + merge - 1) / merge;
        var span = rows.Count == 0 ? 0 : rows[^1].End - rows[0].Start;
        var merged = new Merged(merge, rows.Count, points == 0 ? 0 : span / points, new double[points], new double[points], new double[points], new double[points], new double[points]);
        for (var point = 0; point < points; point++)
        {
            var first = point * merge;
            var last = Math.Min(rows.Count, first + merge) - 1;
            double length = 0, allocated = 0, fragmented = 0, waiting = 0, preemptions = 0;
            for (var i = first; i <= last; i++)
            {
                var width = rows[i].End - rows[i].Start;
                length += width;
                allocated += rows[i].AllocatedGpus * width;
                fragmented += rows[i].FragmentedGpus * width;
                waiting += rows[i].WaitingJobs * width;
                preemptions += rows[i].Preemptions;
            }

            merged.X[point] = (((rows[first].Start + rows[last].End) / 2) - origin) / TimelineCharts.SecondsPerDay;
            merged.Allocated[point] = allocated / length;
            merged.Fragmented[point] = fragmented / length;
            merged.Waiting[point] = waiting / length;
            merged.Preemptions[point] = preemptions;
        }

        return merged;
    }

    /// <param name="Width">A point's length in seconds (the mean when the file's intervals differ).</param>
    private sealed record Merged(int Merge, int Rows, double Width, double[] X, double[] Allocated, double[] Fragmented, double[] Waiting, double[] Preemptions)
    {
        public string Describe(string what) =>
            $"Over {X.Length.ToString(CultureInfo.InvariantCulture)} intervals of {TimelineCharts.Describe(Width)} from gpu_allocation.csv"
            + (Merge > 1 ? $" (each {Merge.ToString(CultureInfo.InvariantCulture)} of its {Rows.ToString(CultureInfo.InvariantCulture)} rows merged)" : string.Empty)
            + $", from the run's first decision to its last; {what}.";
    }
}
