using System.Globalization;
using Augur.Reports.Runs;

namespace Augur.Reports.Charts;

/// <summary>
/// Wait by job size (processor counts in powers of two: 1, 2, 3-4, 5-8, ...) and by user (the
/// <see cref="TopUsers"/> users with the most jobs): the mean wait as a bar, the median as a point, in hours.
/// Every started job counts; groups are exact, nothing is sampled.
/// </summary>
public static class WaitByGroupCharts
{
    public const int TopUsers = 20;

    public const double SecondsPerHour = 3600;

    public static Chart BySize(IReadOnlyList<JobRow> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var groups = new SortedDictionary<long, List<double>>();
        foreach (var job in jobs)
        {
            if (job.Started)
            {
                var bucket = SizeBucket(job.Processors);
                if (!groups.TryGetValue(bucket, out var waits))
                {
                    groups[bucket] = waits = [];
                }

                waits.Add(job.Wait);
            }
        }

        var names = groups.Keys.Select(SizeName).ToList();
        return Build("wait-by-size", "Wait by job size", "processors", names, groups.Values.ToList(), "Started jobs grouped by processors in powers of two.");
    }

    public static Chart ByUser(IReadOnlyList<JobRow> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var groups = new Dictionary<int, List<double>>();
        foreach (var job in jobs)
        {
            if (job.Started)
            {
                if (!groups.TryGetValue(job.User, out var waits))
                {
                    groups[job.User] = waits = [];
                }

                waits.Add(job.Wait);
            }
        }

        var top = groups.OrderByDescending(group => group.Value.Count).ThenBy(group => group.Key).Take(TopUsers).ToList();
        var names = top.Select(group => group.Key < 0 ? "unknown" : "user " + group.Key.ToString(CultureInfo.InvariantCulture)).ToList();
        var note = $"The {top.Count} users with the most started jobs (of {groups.Count}), most jobs first.";
        if (groups.Count == 1 && groups.ContainsKey(-1))
        {
            note += " The trace records no users.";
        }

        return Build("wait-by-user", $"Wait by user (top {TopUsers})", "user", names, top.Select(group => group.Value).ToList(), note);
    }

    /// <summary>The smallest power of two at least <paramref name="processors"/>: the group's upper bound.</summary>
    /// <remarks>A long: above 2^30 processors the bound is 2^31, which an int cannot hold.</remarks>
    internal static long SizeBucket(int processors)
    {
        var bound = 1L;
        while (bound < processors)
        {
            bound *= 2;
        }

        return bound;
    }

    private static string SizeName(long bound) =>
        bound <= 2 ? bound.ToString(CultureInfo.InvariantCulture) : $"{(bound / 2) + 1}-{bound}";

    /// <summary>
    /// One bar (the mean) and one point (the median) per group, in hours; <paramref name="quantity"/> names what
    /// the values are ("wait", "JCT"). The y axis starts at 0, so that bar lengths compare, and ends 5 % above the
    /// largest value. Shared with the GPU report's JCT by GPU count.
    /// </summary>
    internal static Chart Build(string id, string title, string axis, List<string> names, List<List<double>> groups, string note, string quantity = "wait")
    {
        var x = new double[groups.Count];
        var mean = new double[groups.Count];
        var median = new double[groups.Count];
        var details = new string[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            var values = groups[i];
            values.Sort();
            x[i] = i;
            mean[i] = values.Average() / SecondsPerHour;
            median[i] = Median(values) / SecondsPerHour;
            details[i] = values.Count.ToString("N0", CultureInfo.InvariantCulture) + " jobs";
        }

        var largest = groups.Count == 0 ? 0 : Math.Max(mean.Max(), median.Max());
        return new Chart(
            id,
            title,
            new ChartAxis(axis) { Categories = names, CategoryDetails = details },
            new ChartAxis($"{quantity} (h)") { Range = largest > 0 ? (0, largest * 1.05) : null },
            x,
            [new ChartSeries($"mean {quantity}", mean, SeriesStyle.Bars), new ChartSeries($"median {quantity}", median, SeriesStyle.Points)])
        {
            Note = note,
        };
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
