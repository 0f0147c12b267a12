using Augur.Core.Jobs;
using Augur.Prediction.Features;

namespace Augur.Prediction.Gpu;

/// <summary>
/// Describes a GPU job by what is known at its submission, for <c>predictor/helios</c>'s trees: its request
/// (GPUs, share, CPU, memory), and the history of ended jobs of its group (Philly's virtual cluster, openb's
/// QoS class), of its group with the same request shape, and of its request shape alone (count, mean log run
/// time, last run time), the time of day and week, the time since the group's previous submission and the
/// group's jobs still in the system. Run times enter as log(1 + seconds); missing values
/// are NaN. The history only grows in <see cref="Learn"/>, when a job ends, so nothing from the future leaks.
/// </summary>
internal sealed class GpuFeatureExtractor
{
    public const int Count = 15;

    private readonly Dictionary<string, int> groups = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Group, int Gpus, int Milli), int> groupShapes = [];
    private readonly Dictionary<(int Gpus, int Milli), int> shapes = [];

    // Per group: its last submission (seconds) and its jobs submitted but not ended. Bursts of submissions
    // from one group (sweeps of similar jobs) are a signal the traces have even without users or job names.
    private readonly Dictionary<int, (double LastSubmit, int InSystem)> activity = [];

    /// <summary>Ended jobs by category: groups, group-and-shape pairs and shapes share one id space.</summary>
    public GpuJobHistory History { get; } = new();

    /// <summary>The categories of <paramref name="job"/>: its group, its group with its shape, its shape.</summary>
    public (int Group, int GroupShape, int Shape) CategoriesOf(GpuJobRequest job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var resources = job.Resources;
        var group = Intern(groups, job.Group);
        return (group, Intern(groupShapes, (group, resources.Gpus, resources.GpuMilli)), Intern(shapes, (resources.Gpus, resources.GpuMilli)));
    }

    /// <summary>
    /// Helios's history estimate of <paramref name="job"/>'s run time in seconds: the mean run time of the ended jobs
    /// of its group with its request shape, else of its group, else of all jobs; 0 before any job ended.
    /// </summary>
    public double MeanRunTimeOf(GpuJobRequest job)
    {
        var (group, groupShape, _) = CategoriesOf(job);
        var mean = History.MeanOf(groupShape);
        mean = double.IsNaN(mean) ? History.MeanOf(group) : mean;
        mean = double.IsNaN(mean) ? History.Mean : mean;
        return double.IsNaN(mean) ? 0 : mean;
    }

    public void Observe(GpuJobRequest job, Span<float> row)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (group, groupShape, shape) = CategoriesOf(job);
        var resources = job.Resources;
        var submit = job.Submit.Microseconds / 1e6;
        row[0] = (float)Math.Log2(1 + resources.Gpus);
        row[1] = resources.GpuMilli / 1000f;
        row[2] = JobFeatureExtractor.Log(resources.CpuMilli / 1000.0);
        row[3] = JobFeatureExtractor.Log(resources.MemoryMebibytes);
        row[4] = (float)History.LogMeanOf(group);
        row[5] = (float)History.LogMeanOf(groupShape);
        row[6] = (float)History.LogMeanOf(shape);
        row[7] = JobFeatureExtractor.Log(History.LastOf(group));
        row[8] = JobFeatureExtractor.Log(History.LastOf(groupShape));
        row[9] = JobFeatureExtractor.Log(History.CountOf(group));
        row[10] = JobFeatureExtractor.Log(History.CountOf(groupShape));
        row[11] = (float)(submit / 3600 % 24);
        row[12] = (float)Math.Floor(submit / 86400 % 7);
        var (lastSubmit, inSystem) = activity.TryGetValue(group, out var seen) ? seen : (double.NaN, 0);
        row[13] = JobFeatureExtractor.Log(submit - lastSubmit);
        row[14] = JobFeatureExtractor.Log(inSystem);
        activity[group] = (submit, inSystem + 1);
    }

    public void Learn(GpuJobRequest job, double seconds)
    {
        var (group, groupShape, shape) = CategoriesOf(job);
        History.Add(group, seconds);
        History.Add(groupShape, seconds);
        History.Add(shape, seconds);
        History.AddOverall(seconds);
        if (activity.TryGetValue(group, out var seen))
        {
            activity[group] = (seen.LastSubmit, Math.Max(0, seen.InSystem - 1));
        }
    }

    private int Intern<TKey>(Dictionary<TKey, int> ids, TKey key)
        where TKey : notnull
    {
        if (!ids.TryGetValue(key, out var id))
        {
            // One id space over the three dictionaries, so that the history keeps them apart.
            id = groups.Count + groupShapes.Count + shapes.Count;
            ids[key] = id;
        }

        return id;
    }
}
