using System.Globalization;
using Augur.Reports.Runs;

namespace Augur.Reports.Charts;

/// <summary>
/// GPUs allocated, free and fragmented over time, from a GPU run's gpu_allocation.csv (at most 1,000 intervals
/// as Augur writes it). A longer file is reduced to <see cref="MaximumPoints"/> points by merging runs of
/// consecutive intervals into their time-weighted mean, so the page stays small whatever the file holds.
/// </summary>
public static class GpuAllocationChart
{
    public const int MaximumPoints = 1000;

    /// <param name="rows">The intervals, in order.</param>
    /// <param name="gpus">The cluster's GPUs: free = GPUs − allocated.</param>
    /// <param name="origin">The first submission, in seconds from the trace's origin: x is days since it.</param>
    /// <param name="maximumPoints">How many points at most.</param>
    public static Chart Build(IReadOnlyList<GpuAllocationRow> rows, int gpus, double origin, int maximumPoints = MaximumPoints)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gpus);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumPoints);
        var merge = Math.Max(1, (rows.Count + maximumPoints - 1) / maximumPoints);
        var points = (rows.Count + merge - 1) / merge;
        var x = new double[points];
        var allocated = new double[points];
        var free = new double[points];
        var fragmented = new double[points];
        for (var point = 0; point < points; point++)
        {
            var first = point * merge;
            var last = Math.Min(rows.Count, first + merge) - 1;
            double length = 0, allocatedArea = 0, fragmentedArea = 0;
            for (var i = first; i <= last; i++)
            {
                var width = rows[i].End - rows[i].Start;
                length += width;
                allocatedArea += rows[i].AllocatedGpus * width;
                fragmentedArea += rows[i].FragmentedGpus * width;
            }

            x[point] = (((rows[first].Start + rows[last].End) / 2) - origin) / TimelineCharts.SecondsPerDay;
            allocated[point] = allocatedArea / length;
            free[point] = gpus - allocated[point];
            fragmented[point] = fragmentedArea / length;
        }

        var note = $"Time-weighted means over {points.ToString(CultureInfo.InvariantCulture)} intervals of gpu_allocation.csv"
            + (merge > 1 ? $" (each {merge.ToString(CultureInfo.InvariantCulture)} of its {rows.Count.ToString(CultureInfo.InvariantCulture)} rows merged)" : string.Empty)
            + $", from the run's first decision to its last. Allocated: GPUs held, shares in proportion; free: the cluster's {gpus.ToString("N0", CultureInfo.InvariantCulture)} GPUs minus those; fragmented: free GPUs the waiting jobs cannot use (0 while none waits).";
        return new Chart(
            "gpu-allocation",
            "GPUs allocated and free over time",
            new ChartAxis("days since the first submission"),
            new ChartAxis("GPUs") { Range = (0, gpus) },
            x,
            [
                new ChartSeries("allocated", allocated, SeriesStyle.Line),
                new ChartSeries("free", free, SeriesStyle.Line),
                new ChartSeries("fragmented", fragmented, SeriesStyle.Line),
            ])
        {
            Note = note,
        };
    }
}
