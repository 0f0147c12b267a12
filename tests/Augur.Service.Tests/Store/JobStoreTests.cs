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
}
