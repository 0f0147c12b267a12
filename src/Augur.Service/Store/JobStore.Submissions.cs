using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Augur.Service.Store;

public sealed partial class JobStore
{
    // A batch bigger than this would hold the write lock long enough to delay the scheduler's state changes.
    private const int LargestBatch = 512;

    private readonly Channel<PendingSubmission> submissions = Channel.CreateUnbounded<PendingSubmission>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writerLoop;

    /// <summary>
    /// Called with each group of newly stored jobs, in id order, after their transaction committed and before
    /// their submitters hear of it: the scheduler learns of jobs in the order the store gave them ids.
    /// </summary>
    public Action<IReadOnlyList<JobRecord>>? Committed { get; set; }

    /// <summary>
    /// Stores a new job; completes once the job is durable (its transaction committed with synchronous=FULL).
    /// With an idempotency key already used by the same user, returns that job instead and stores nothing.
    /// </summary>
    public Task<SubmissionResult> SubmitAsync(JobSpecification specification, string? idempotencyKey, string requestHash, long submitMicroseconds)
    {
        var pending = new PendingSubmission(specification, idempotencyKey, requestHash, submitMicroseconds);
        if (!submissions.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(JobStore), "the store is closing.");
        }

        return pending.Completion.Task;
    }

    private async Task WriteSubmissionsAsync()
    {
        var batch = new List<PendingSubmission>(LargestBatch);
        var results = new List<SubmissionResult>(LargestBatch);
        var created = new List<JobRecord>(LargestBatch);
        while (await submissions.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            results.Clear();
            created.Clear();
            while (batch.Count < LargestBatch && submissions.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                lock (writeLock)
                {
                    WriteBatch(batch, results, created);
                }
            }
#pragma warning disable CA1031 // A failed commit fails its submitters (a 500 each); the loop must go on for later ones.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(exception);
                }

                continue;
            }

            if (created.Count > 0)
            {
                Committed?.Invoke(created.ToArray());
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
    }

    private void WriteBatch(List<PendingSubmission> batch, List<SubmissionResult> results, List<JobRecord> created)
    {
        using var transaction = writer.BeginTransaction();
        using var find = writer.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = $"SELECT {StoreSchema.JobColumns}, request_hash FROM jobs WHERE user = $user AND idempotency_key = $key";
        var findUser = find.Parameters.Add("$user", SqliteType.Text);
        var findKey = find.Parameters.Add("$key", SqliteType.Text);
        using var insert = writer.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO jobs (user, idempotency_key, request_hash, name, command, arguments, shell, procs, memory_mb, gpus, wall_time_s, tags, requeue, state, submit_us)
            VALUES ($user, $key, $hash, $name, $command, $arguments, $shell, $procs, $memory, $gpus, $wall, $tags, $requeue, 'queued', $submit)
            RETURNING id
            """;
        foreach (var pending in batch)
        {
            var specification = pending.Specification;
            if (pending.IdempotencyKey is { } key)
            {
                findUser.Value = specification.User;
                findKey.Value = key;
                using var reader = find.ExecuteReader();
                if (reader.Read())
                {
                    var existing = JobRows.Read(reader);
                    var sameRequest = reader.GetString(reader.FieldCount - 1) == pending.RequestHash;
                    results.Add(new SubmissionResult(existing, Created: false, Conflict: !sameRequest));
                    continue;
                }
            }

            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$user", specification.User);
            insert.Parameters.AddWithValue("$key", (object?)pending.IdempotencyKey ?? DBNull.Value);
            insert.Parameters.AddWithValue("$hash", pending.RequestHash);
            insert.Parameters.AddWithValue("$name", specification.Name);
            insert.Parameters.AddWithValue("$command", specification.Command);
            insert.Parameters.AddWithValue("$arguments", JsonSerializer.Serialize(specification.Arguments));
            insert.Parameters.AddWithValue("$shell", specification.Shell ? 1 : 0);
            insert.Parameters.AddWithValue("$procs", specification.Processors);
            insert.Parameters.AddWithValue("$memory", specification.MemoryMegabytes);
            insert.Parameters.AddWithValue("$gpus", specification.Gpus);
            insert.Parameters.AddWithValue("$wall", (object?)specification.WallTimeSeconds ?? DBNull.Value);
            insert.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(specification.Tags));
            insert.Parameters.AddWithValue("$requeue", specification.Requeue ? 1 : 0);
            insert.Parameters.AddWithValue("$submit", pending.SubmitMicroseconds);
            var id = (long)insert.ExecuteScalar()!;
            var job = new JobRecord(id, specification, JobState.Queued, pending.SubmitMicroseconds);
            results.Add(new SubmissionResult(job, Created: true, Conflict: false));
            created.Add(job);
        }

        transaction.Commit();
    }
}
