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
    /// The first <paramref name="historyJobs"/> jobs, as they are, and the remaining ones as a workload of its own, indexed
    /// again from 0 (a site's history and the jobs to simulate after it).
    /// </summary>
    public (IReadOnlyList<GpuWorkloadJob> History, GpuWorkload Remaining) Split(int historyJobs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(historyJobs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(historyJobs, Count);
        var rest = new GpuWorkloadJob[Count - historyJobs];
        for (var i = 0; i < rest.Length; i++)
        {
            var job = Jobs[historyJobs + i];
            var request = job.Request;
            rest[i] = job with { Request = new GpuJobRequest(i, request.Id, request.Submit, request.Resources, request.Group) };
        }

        var history = new GpuWorkloadJob[historyJobs];
        for (var i = 0; i < historyJobs; i++)
        {
            history[i] = Jobs[i];
        }

        return (history, new GpuWorkload(Name, rest));
    }
}
