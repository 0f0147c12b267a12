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
}
