namespace Augur.Core.Jobs;

/// <summary>
/// A sequence of jobs in submission order, with what its source says of the machine. Jobs' indexes are
/// their positions in <see cref="Jobs"/>.
/// </summary>
public sealed class Workload
{
    public Workload(string name, IReadOnlyList<WorkloadJob> jobs, int? machineProcessors)
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
                throw new ArgumentException($"Job {jobs[i].Request.Id} is submitted before the job listed ahead of it; a workload is in submission order.", nameof(jobs));
            }
        }

        Name = name;
        Jobs = jobs;
        MachineProcessors = machineProcessors;
    }

    public string Name { get; }

    public IReadOnlyList<WorkloadJob> Jobs { get; }

    /// <summary>The machine size the source declares (SWF MaxProcs), if any.</summary>
    public int? MachineProcessors { get; }

    public int Count => Jobs.Count;
}
