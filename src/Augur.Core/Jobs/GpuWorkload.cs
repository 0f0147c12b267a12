namespace Augur.Core.Jobs;

/// <summary>GPU jobs in submission order; a job's index is its position in <see cref="Jobs"/>.</summary>
public sealed class GpuWorkload
{
    public GpuWorkload(string name, IReadOnlyList<GpuWorkloadJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        for (var i = 0; i < jobs.Count; i++)
        {
            if (jobs[i].Request.Index != i)
            {
                throw new ArgumentException($"Job at position {i} has index {jobs[i].Request.Index}; indexes must be 0..n-1 in order.", nameof(jobs));
            }

            if (i > 0 && jobs[i].Request.Submit < jobs[i - 1].Request.Submit)
            {
                throw new ArgumentException($"{jobs[i].Request} is submitted before the job listed ahead of it; a workload is in submission order.", nameof(jobs));
            }
        }

        Name = name;
        Jobs = jobs;
    }

    public string Name { get; }

    public IReadOnlyList<GpuWorkloadJob> Jobs { get; }

    public int Count => Jobs.Count;

    /// <summary>
    /// The first <paramref name="historyJobs"/> jobs (a site's history) and the remaining ones as a workload of its
    /// own, indexed again from 0 (the jobs to simulate after it). The history is numbered after the remaining jobs,
    /// so that a predictor that keys what it keeps by a job's index never takes a past job for a simulated one.
    /// </summary>
    public (IReadOnlyList<GpuWorkloadJob> History, GpuWorkload Remaining) Split(int historyJobs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(historyJobs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(historyJobs, Count);
        var rest = new GpuWorkloadJob[Count - historyJobs];
        for (var i = 0; i < rest.Length; i++)
        {
            rest[i] = Renumbered(Jobs[historyJobs + i], i);
        }

        var history = new GpuWorkloadJob[historyJobs];
        for (var i = 0; i < historyJobs; i++)
        {
            history[i] = Renumbered(Jobs[i], rest.Length + i);
        }

        return (history, new GpuWorkload(Name, rest));
    }

    private static GpuWorkloadJob Renumbered(GpuWorkloadJob job, int index)
    {
        var request = job.Request;
        return job with { Request = new GpuJobRequest(index, request.Id, request.Submit, request.Resources, request.Group) };
    }
}
