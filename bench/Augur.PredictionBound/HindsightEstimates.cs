using Augur.Core.Jobs;

namespace Augur.PredictionBound;

/// <summary>
/// Run-time estimates that see the whole trace, including jobs submitted later and jobs not yet ended: no
/// scheduler could have them. They bound what any predictor built on the trace's submission-time facts (the
/// group, the request shape, the submission order) can reach, which is the point of this tool.
/// </summary>
internal static class HindsightEstimates
{
    /// <summary>Each job's estimate: the mean run time of every other job of its group and shape, else of its group, else of all.</summary>
    public static long[] GroupMean(GpuWorkload workload)
    {
        var shapeSums = new Dictionary<(string, int, int), (double Sum, int Count)>();
        var groupSums = new Dictionary<string, (double Sum, int Count)>();
        double total = 0;
        foreach (var job in workload.Jobs)
        {
            var seconds = job.RunTime.TotalSeconds;
            Add(shapeSums, ShapeOf(job.Request), seconds);
            Add(groupSums, job.Request.Group, seconds);
            total += seconds;
        }

        var estimates = new long[workload.Count];
        foreach (var job in workload.Jobs)
        {
            // Leave the job itself out: a group of one would otherwise be predicted exactly.
            var seconds = job.RunTime.TotalSeconds;
            var (shapeSum, shapeCount) = shapeSums[ShapeOf(job.Request)];
            var (groupSum, groupCount) = groupSums[job.Request.Group];
            var mean = shapeCount > 1 ? (shapeSum - seconds) / (shapeCount - 1)
                : groupCount > 1 ? (groupSum - seconds) / (groupCount - 1)
                : (total - seconds) / Math.Max(1, workload.Count - 1);
            estimates[job.Request.Index] = Microseconds(mean);
        }

        return estimates;
    }

    /// <summary>
    /// Each job's estimate: the mean true run time of the <paramref name="neighbours"/> jobs of its group and shape
    /// submitted nearest to it, before or after (bursts of similar jobs are the signal these traces keep); the
    /// group mean when the job is alone in its group and shape.
    /// </summary>
    public static long[] NearestSubmissions(GpuWorkload workload, int neighbours)
    {
        var estimates = GroupMean(workload);
        var byShape = new Dictionary<(string, int, int), List<GpuWorkloadJob>>();
        foreach (var job in workload.Jobs)
        {
            var shape = ShapeOf(job.Request);
            if (!byShape.TryGetValue(shape, out var list))
            {
                byShape[shape] = list = [];
            }

            list.Add(job);
        }

        foreach (var list in byShape.Values)
        {
            list.Sort((left, right) => left.Request.Submit.CompareTo(right.Request.Submit) is var order and not 0 ? order : left.Request.Index.CompareTo(right.Request.Index));
            for (var position = 0; position < list.Count && list.Count > 1; position++)
            {
                estimates[list[position].Request.Index] = Microseconds(NearestMean(list, position, neighbours));
            }
        }

        return estimates;
    }

    /// <summary>The true run time scaled by exp(sigma x Z), Z standard normal (seeded): an oracle with a known error.</summary>
    public static long[] NoisyTruth(GpuWorkload workload, double sigma, int seed)
    {
        var random = new Random(seed);
        var estimates = new long[workload.Count];
        foreach (var job in workload.Jobs)
        {
            // Box-Muller: two uniforms in (0, 1] give one standard normal.
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            estimates[job.Request.Index] = Microseconds(job.RunTime.TotalSeconds * Math.Exp(sigma * normal));
        }

        return estimates;
    }

    private static double NearestMean(List<GpuWorkloadJob> list, int position, int neighbours)
    {
        // Walk outwards from the job, taking whichever side was submitted closer in time.
        var before = position - 1;
        var after = position + 1;
        var submit = list[position].Request.Submit;
        double sum = 0;
        var taken = 0;
        while (taken < neighbours && (before >= 0 || after < list.Count))
        {
            var takeBefore = after >= list.Count
                || (before >= 0 && (submit - list[before].Request.Submit) <= (list[after].Request.Submit - submit));
            sum += list[takeBefore ? before-- : after++].RunTime.TotalSeconds;
            taken++;
        }

        return sum / taken;
    }

    private static (string, int, int) ShapeOf(GpuJobRequest request) => (request.Group, request.Resources.Gpus, request.Resources.GpuMilli);

    private static void Add<TKey>(Dictionary<TKey, (double Sum, int Count)> sums, TKey key, double seconds)
        where TKey : notnull
    {
        sums.TryGetValue(key, out var entry);
        sums[key] = (entry.Sum + seconds, entry.Count + 1);
    }

    private static long Microseconds(double seconds) => (long)Math.Round(Math.Min(seconds, 1e12) * 1e6);
}
