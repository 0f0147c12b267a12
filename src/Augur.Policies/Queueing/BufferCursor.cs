using Augur.Core.Jobs;

namespace Augur.Policies.Queueing;

/// <summary>Waiting jobs from a buffer sorted by <see cref="OrderedWaitingJobs"/>.</summary>
public struct BufferCursor : IJobCursor
{
    private readonly JobRequest[] jobs;
    private readonly int count;
    private int position;

    public BufferCursor(JobRequest[] jobs, int count)
    {
        this.jobs = jobs;
        this.count = count;
        position = -1;
    }

    public readonly JobRequest Current => jobs[position];

    public bool MoveNext() => ++position < count;
}
