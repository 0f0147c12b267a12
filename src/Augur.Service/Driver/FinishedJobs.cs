namespace Augur.Service.Driver;

/// <summary>
/// The latest jobs to end (1,000 by default) in a ring: the scheduler's loop adds each end in constant time,
/// requests read the newest under a short lock. It holds what ended since the service started; the store keeps
/// every job for ever (GET /v1/jobs).
/// </summary>
public sealed class FinishedJobs
{
    public const int DefaultCapacity = 1000;

    private readonly FinishedJob?[] ring;
    private readonly Lock gate = new();
    private long count;

    public FinishedJobs(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ring = new FinishedJob?[capacity];
    }

    public int Capacity => ring.Length;

    public void Add(FinishedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (gate)
        {
            ring[count++ % ring.Length] = job;
        }
    }

    /// <summary>Up to <paramref name="limit"/> of the jobs held, newest end first, only <paramref name="user"/>'s when given.</summary>
    public IReadOnlyList<FinishedJob> Latest(int limit, string? user)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var jobs = new List<FinishedJob>(Math.Min(limit, ring.Length));
        lock (gate)
        {
            var held = Math.Min(count, ring.Length);
            for (var back = 1; back <= held && jobs.Count < limit; back++)
            {
                var job = ring[(count - back) % ring.Length]!;
                if (user is null || job.User == user)
                {
                    jobs.Add(job);
                }
            }
        }

        return jobs;
    }
}
