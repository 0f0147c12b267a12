using System.Globalization;
using Augur.Reports.Runs;

namespace Augur.Reports.Charts;

/// <summary>
/// JCT by the GPUs a job asked for: shares of one GPU (openb's <c>gpu_milli</c> under 1000), 1, 2, 3-4, 5-8 and
/// more than 8 GPUs; the mean JCT as a bar and the median as a point, in hours, over every finished job. Groups
/// are exact; a size no job asked for has no bar.
/// </summary>
public static class GpuSizeChart
{
    /// <summary>The largest group bound: larger gangs share one group.</summary>
    public const int LargestGroup = 8;

    public static Chart Build(IReadOnlyList<GpuJobRow> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var groups = new SortedDictionary<long, List<double>>();
        foreach (var job in jobs)
        {
            if (job.Finished)
            {
                var key = GroupOf(job);
                if (!groups.TryGetValue(key, out var values))
                {
                    groups[key] = values = [];
                }

                values.Add(job.Jct);
            }
        }

        var names = groups.Keys.Select(Name).ToList();
        return WaitByGroupCharts.Build(
            "jct-by-gpus",
            "JCT by GPUs asked",
            "GPUs per job",
            names,
            groups.Values.ToList(),
            "Finished jobs grouped by the GPUs they asked for (end − submit).",
            "JCT");
    }

    /// <summary>
    /// The group's key, ordering the groups: −1 for no GPU, 0 for a share of one GPU, else the smallest power of two
    /// at least the GPUs asked, up to <see cref="LargestGroup"/>, and <see cref="LargestGroup"/> + 1 past it.
    /// </summary>
    internal static long GroupOf(GpuJobRow job) =>
        job.Gpus == 0 ? -1
        : job.GpuMilli < 1000 ? 0
        : job.Gpus > LargestGroup ? LargestGroup + 1
        : WaitByGroupCharts.SizeBucket(job.Gpus);

    private static string Name(long key) => key switch
    {
        -1 => "none",
        0 => "share of 1",
        > LargestGroup => "more than " + LargestGroup.ToString(CultureInfo.InvariantCulture),
        <= 2 => key.ToString(CultureInfo.InvariantCulture),
        _ => $"{(key / 2) + 1}-{key}",
    };
}
