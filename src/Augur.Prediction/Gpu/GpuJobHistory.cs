namespace Augur.Prediction.Gpu;

/// <summary>
/// Run times of the GPU jobs that ended so far, per category (a group, a group and request shape, a request
/// shape; ids from <see cref="GpuFeatureExtractor"/>): count, mean, mean of log(1 + seconds) and the last one.
/// </summary>
internal sealed class GpuJobHistory
{
    private readonly Dictionary<int, Entry> entries = [];

    private double sum;

    /// <summary>Ended jobs, over all categories.</summary>
    public long Count { get; private set; }

    /// <summary>The mean run time of all ended jobs in seconds; NaN before the first.</summary>
    public double Mean => Count == 0 ? double.NaN : sum / Count;

    public void Add(int category, double seconds)
    {
        entries.TryGetValue(category, out var entry);
        entries[category] = new Entry(entry.Count + 1, entry.Sum + seconds, entry.LogSum + Math.Log(1 + seconds), seconds);
    }

    /// <summary>Counts one ended job in the overall mean (once per job, whatever its categories).</summary>
    public void AddOverall(double seconds)
    {
        Count++;
        sum += seconds;
    }

    public long CountOf(int category) => entries.TryGetValue(category, out var entry) ? entry.Count : 0;

    /// <summary>The mean run time of the category's ended jobs in seconds; NaN before the first.</summary>
    public double MeanOf(int category) => entries.TryGetValue(category, out var entry) ? entry.Sum / entry.Count : double.NaN;

    public double LogMeanOf(int category) => entries.TryGetValue(category, out var entry) ? entry.LogSum / entry.Count : double.NaN;

    public double LastOf(int category) => entries.TryGetValue(category, out var entry) ? entry.Last : double.NaN;

    private readonly record struct Entry(long Count, double Sum, double LogSum, double Last);
}
