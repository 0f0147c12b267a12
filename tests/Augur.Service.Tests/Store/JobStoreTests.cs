using Augur.Service.Store;

namespace Augur.Service.Tests.Store;

public sealed class JobStoreTests
{
    private static readonly JobSpecification Specification = new("job", "true", [], false, 1, 0, 0, 60, "alice", ["a"], Requeue: false);

    [Fact]
    public async Task SubmitAsync_Acknowledged_IsInTheStoreAfterReopening()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "augur.db");
        long id;
        using (var store = new JobStore(path))
        {
            id = (await store.SubmitAsync(Specification, "key", "hash", 42)).Job.Id;
        }

        using var reopened = new JobStore(path);
        var job = reopened.Find(id);
        Assert.NotNull(job);
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(42, job.SubmitMicroseconds);
        Assert.Equal(Specification.Tags, job.Specification.Tags);
    }

    [Fact]
    public async Task MarkStarting_JobNoLongerQueued_ChangesNothingAndSaysSo()
    {
        using var folder = new TemporaryFolder();
        using var store = new JobStore(Path.Combine(folder.Path, "augur.db"));
        var id = (await store.SubmitAsync(Specification, "key", "hash", 0)).Job.Id;

        var first = store.MarkStarting(id, 10, null);
        var second = store.MarkStarting(id, 20, null);

        // The second start would run the job twice: the store refuses it, and the first start's time stays.
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(10, store.Find(id)!.StartMicroseconds);
        Assert.Equal(1, store.Find(id)!.Attempts);
    }

    [Fact]
    public async Task SubmitAsync_ManyAtOnce_CommitsEachOnceInIdOrder()
    {
        using var folder = new TemporaryFolder();
        using var store = new JobStore(Path.Combine(folder.Path, "augur.db"));
        var committed = new List<long>();
        store.Committed = jobs => { lock (committed) { committed.AddRange(jobs.Select(job => job.Id)); } };
        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => store.SubmitAsync(Specification, $"k{i % 100}", "hash", i)));
        Assert.Equal(100, results.Count(result => result.Created));
        Assert.Equal(100, results.Select(result => result.Job.Id).Distinct().Count());
        Assert.Equal(committed.Order(), committed);
        Assert.Equal(100, store.CountByState()[JobState.Queued]);
    }

    [Fact]
    public async Task MarkEnded_Twice_RecordsOnlyTheFirstEnd()
    {
        using var folder = new TemporaryFolder();
        using var store = new JobStore(Path.Combine(folder.Path, "augur.db"));
        var id = (await store.SubmitAsync(Specification, null, "hash", 1)).Job.Id;
        Assert.True(store.MarkEnded(id, new JobEnding(JobState.Cancelled, 5, null, null, "first")));
        Assert.False(store.MarkEnded(id, new JobEnding(JobState.Completed, 9, 0, null, "second")));
        var job = store.Find(id)!;
        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Equal("first", job.Reason);
    }

    [Fact]
    public async Task SetSlurmJob_RunningJob_IsKeptUntilARestart()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "augur.db");
        long id;
        using (var store = new JobStore(path))
        {
            id = (await store.SubmitAsync(Specification, null, "hash", 1)).Job.Id;
            Assert.True(store.MarkStarting(id, 10, null));
            store.SetSlurmJob(id, 4242);
        }

        using var reopened = new JobStore(path);
        Assert.Equal(4242, reopened.Find(id)!.SlurmJobId);
    }

    [Fact]
    public async Task MarkEnded_WithSlurmsStart_ReplacesTheRecordedStart()
    {
        using var folder = new TemporaryFolder();
        using var store = new JobStore(Path.Combine(folder.Path, "augur.db"));
        var id = (await store.SubmitAsync(Specification, null, "hash", 1)).Job.Id;
        store.MarkStarting(id, 10, null);

        store.MarkEnded(id, new JobEnding(JobState.Completed, 50, 0, null, null, StartMicroseconds: 20));

        var job = store.Find(id)!;
        Assert.Equal((20L, 50L), (job.StartMicroseconds, job.EndMicroseconds));
    }

    [Fact]
    public void Open_VersionOneStore_AddsTheSlurmColumnAndKeepsItsJobs()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "augur.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // The version-1 table as Augur created it before executor/slurm, with one queued job.
            command.CommandText = """
                CREATE TABLE jobs (id INTEGER PRIMARY KEY, user TEXT NOT NULL, idempotency_key TEXT, request_hash TEXT, name TEXT NOT NULL,
                    command TEXT NOT NULL, arguments TEXT NOT NULL, shell INTEGER NOT NULL, procs INTEGER NOT NULL, memory_mb INTEGER NOT NULL,
                    gpus INTEGER NOT NULL, wall_time_s INTEGER, tags TEXT NOT NULL, requeue INTEGER NOT NULL, state TEXT NOT NULL,
                    submit_us INTEGER NOT NULL, start_us INTEGER, end_us INTEGER, exit_code INTEGER, peak_rss_kb INTEGER, reason TEXT,
                    pid INTEGER, pid_start_ticks INTEGER, attempts INTEGER NOT NULL DEFAULT 0, predicted_s REAL);
                INSERT INTO jobs (user, name, command, arguments, shell, procs, memory_mb, gpus, tags, requeue, state, submit_us)
                    VALUES ('alice', 'old', 'true', '[]', 0, 1, 0, 0, '[]', 0, 'queued', 5);
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }

        using var store = new JobStore(path);

        var job = store.Find(1)!;
        Assert.Equal(("old", (long?)null), (job.Specification.Name, job.SlurmJobId));
        store.MarkStarting(1, 10, null);
        store.SetSlurmJob(1, 7);
        Assert.Equal(7, store.Find(1)!.SlurmJobId);
    }
}
