using System.Text;
using Microsoft.Data.Sqlite;

namespace Augur.Service.Store;

/// <summary>
/// The durable job table. One connection writes, under a lock: submissions in group commits (one transaction,
/// so one fsync, for every submission waiting), state changes one transaction each. Reads open their own
/// connections, which WAL lets run beside the writer.
/// </summary>
public sealed partial class JobStore : IDisposable
{
    private readonly string path;
    private readonly SqliteConnection writer;
    private readonly Lock writeLock = new();

    public JobStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        this.path = path;
        writer = StoreSchema.Open(path);
        StoreSchema.Ensure(writer);
        writerLoop = Task.Factory.StartNew(WriteSubmissionsAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>The file the store lives in.</summary>
    public string Path => path;

    public JobRecord? Find(long id)
    {
        using var connection = StoreSchema.Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoreSchema.JobColumns} FROM jobs WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? JobRows.Read(reader) : null;
    }

    /// <summary>Jobs with ids above <paramref name="after"/>, oldest first, filtered by state and user when given.</summary>
    public JobPage List(JobState? state, string? user, long after, int limit)
    {
        using var connection = StoreSchema.Open(path);
        using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {StoreSchema.JobColumns} FROM jobs WHERE id > $after");
        command.Parameters.AddWithValue("$after", after);
        if (state is { } wanted)
        {
            sql.Append(" AND state = $state");
            command.Parameters.AddWithValue("$state", JobStates.Name(wanted));
        }

        if (user is not null)
        {
            sql.Append(" AND user = $user");
            command.Parameters.AddWithValue("$user", user);
        }

        // One row more than asked tells whether there is a next page.
        sql.Append(" ORDER BY id LIMIT $limit");
        command.Parameters.AddWithValue("$limit", limit + 1);
        command.CommandText = sql.ToString();
        var jobs = new List<JobRecord>(Math.Min(limit + 1, 1024));
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                jobs.Add(JobRows.Read(reader));
            }
        }

        long? next = null;
        if (jobs.Count > limit)
        {
            jobs.RemoveAt(limit);
            next = jobs[^1].Id;
        }

        return new JobPage(jobs, next);
    }

    /// <summary>Jobs in <paramref name="state"/>, oldest first (recovery and learning at start-up).</summary>
    public IReadOnlyList<JobRecord> InState(params JobState[] states)
    {
        ArgumentNullException.ThrowIfNull(states);
        using var connection = StoreSchema.Open(path);
        using var command = connection.CreateCommand();
        var names = string.Join(", ", states.Select(s => $"'{JobStates.Name(s)}'"));
        command.CommandText = $"SELECT {StoreSchema.JobColumns} FROM jobs WHERE state IN ({names}) ORDER BY id";
        var jobs = new List<JobRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            jobs.Add(JobRows.Read(reader));
        }

        return jobs;
    }

    /// <summary>Counts jobs by state (metrics and tests).</summary>
    public IReadOnlyDictionary<JobState, long> CountByState()
    {
        using var connection = StoreSchema.Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, COUNT(*) FROM jobs GROUP BY state";
        var counts = new Dictionary<JobState, long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (JobStates.TryParse(reader.GetString(0), out var state))
            {
                counts[state] = reader.GetInt64(1);
            }
        }

        return counts;
    }

    /// <summary>
    /// Marks a queued job running before its process exists: a crash between this and <see cref="SetProcess"/>
    /// leaves a running job without a process, which recovery reports as lost instead of starting it twice.
    /// </summary>
    /// <summary>Marks a queued job running; false (and nothing changed) when the store no longer has it queued.</summary>
    public bool MarkStarting(long id, long startMicroseconds, double? predictedSeconds) =>
        Change(
            "UPDATE jobs SET state = 'running', start_us = $start, pid = NULL, pid_start_ticks = NULL, slurm_job_id = NULL, attempts = attempts + 1, predicted_s = $predicted WHERE id = $id AND state = 'queued'",
            ("$id", id),
            ("$start", startMicroseconds),
            ("$predicted", predictedSeconds)) == 1;

    public void SetProcess(long id, int processId, long processStartTicks) =>
        Change(
            "UPDATE jobs SET pid = $pid, pid_start_ticks = $ticks WHERE id = $id AND state = 'running'",
            ("$id", id),
            ("$pid", processId),
            ("$ticks", processStartTicks));

    /// <summary>Records the Slurm job id of a running job (executor/slurm), as soon as sbatch answers.</summary>
    public void SetSlurmJob(long id, long slurmJobId) =>
        Change(
            "UPDATE jobs SET slurm_job_id = $slurm WHERE id = $id AND state = 'running'",
            ("$id", id),
            ("$slurm", slurmJobId));

    /// <summary>Records a job's final state; returns false if it had already ended (a job ends exactly once).</summary>
    public bool MarkEnded(long id, JobEnding ending)
    {
        ArgumentNullException.ThrowIfNull(ending);
        // An end without a reason keeps the one before it: a requeued job still says that it was lost once.
        return Change(
            "UPDATE jobs SET state = $state, start_us = COALESCE($start, start_us), end_us = $end, exit_code = $exit, peak_rss_kb = $rss, reason = COALESCE($reason, reason) WHERE id = $id AND state IN ('queued', 'running')",
            ("$id", id),
            ("$state", JobStates.Name(ending.State)),
            ("$end", ending.EndMicroseconds),
            ("$exit", ending.ExitCode),
            ("$rss", ending.PeakRssKilobytes),
            ("$reason", ending.Reason),
            ("$start", ending.StartMicroseconds)) == 1;
    }

    /// <summary>Puts a running job whose process was lost back in the queue, keeping the reason.</summary>
    public void Requeue(long id, string reason) =>
        Change(
            "UPDATE jobs SET state = 'queued', start_us = NULL, pid = NULL, pid_start_ticks = NULL, slurm_job_id = NULL, reason = $reason WHERE id = $id AND state = 'running'",
            ("$id", id),
            ("$reason", reason));

    public void Dispose()
    {
        submissions.Writer.TryComplete();
        writerLoop.GetAwaiter().GetResult();
        lock (writeLock)
        {
            writer.Dispose();
        }
    }

    private int Change(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (writeLock)
        {
            using var command = writer.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            return command.ExecuteNonQuery();
        }
    }
}
