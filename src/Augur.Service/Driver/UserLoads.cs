namespace Augur.Service.Driver;

/// <summary>
/// Per-user counts of queued and running jobs and their processors, kept by the scheduler's loop as jobs enter,
/// start and leave (constant time each), and read by requests under a short lock: a per-user view costs the loop
/// nothing and never walks the queue. Users stay listed once seen, with their count of ended jobs.
/// </summary>
public sealed class UserLoads
{
    private readonly Dictionary<string, Counts> byUser = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>A job of <paramref name="user"/> entered the queue (<paramref name="running"/>: was re-adopted running).</summary>
    public void Enter(string user, int processors, bool running)
    {
        lock (gate)
        {
            var counts = Of(user);
            if (running)
            {
                counts.RunningJobs++;
                counts.BusyProcessors += processors;
            }
            else
            {
                counts.QueuedJobs++;
                counts.QueuedProcessors += processors;
            }
        }
    }

    public void Start(string user, int processors)
    {
        lock (gate)
        {
            var counts = Of(user);
            counts.QueuedJobs--;
            counts.QueuedProcessors -= processors;
            counts.RunningJobs++;
            counts.BusyProcessors += processors;
        }
    }

    /// <summary>A job left the scheduler: it ended (<paramref name="ended"/>) or the store no longer had it queued.</summary>
    public void Leave(string user, int processors, bool running, bool ended)
    {
        lock (gate)
        {
            var counts = Of(user);
            if (running)
            {
                counts.RunningJobs--;
                counts.BusyProcessors -= processors;
            }
            else
            {
                counts.QueuedJobs--;
                counts.QueuedProcessors -= processors;
            }

            if (ended)
            {
                counts.FinishedJobs++;
            }
        }
    }

    /// <summary>Up to <paramref name="limit"/> users in name order (ordinal), or only <paramref name="user"/>; and how many users there are.</summary>
    public (IReadOnlyList<UserLoad> Users, int Total) Read(int limit, string? user)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        List<UserLoad> all;
        lock (gate)
        {
            if (user is not null)
            {
                return byUser.TryGetValue(user, out var own) ? ([own.ToLoad(user)], 1) : ([], 0);
            }

            all = [.. byUser.Select(pair => pair.Value.ToLoad(pair.Key))];
        }

        // Sorted outside the lock: the loop never waits for it.
        all.Sort((left, right) => string.CompareOrdinal(left.User, right.User));
        return (all.Count > limit ? all[..limit] : all, all.Count);
    }

    private Counts Of(string user)
    {
        if (!byUser.TryGetValue(user, out var counts))
        {
            counts = new Counts();
            byUser[user] = counts;
        }

        return counts;
    }

    private sealed class Counts
    {
        public int QueuedJobs { get; set; }

        public long QueuedProcessors { get; set; }

        public int RunningJobs { get; set; }

        public long BusyProcessors { get; set; }

        public long FinishedJobs { get; set; }

        public UserLoad ToLoad(string user) => new(user, QueuedJobs, QueuedProcessors, RunningJobs, BusyProcessors, FinishedJobs);
    }
}
