using Augur.Service.Driver;
using Augur.Service.Store;

namespace Augur.Service.Tests.Driver;

public sealed class FinishedJobsTests
{
    [Fact]
    public void Latest_MoreEndsThanTheRingHolds_GivesTheNewestFirst()
    {
        var finished = new FinishedJobs(capacity: 3);
        for (var id = 1; id <= 5; id++)
        {
            finished.Add(Job(id, "alice"));
        }

        Assert.Equal([5L, 4L, 3L], finished.Latest(10, null).Select(job => job.Id));
        Assert.Equal([5L], finished.Latest(1, null).Select(job => job.Id));
    }

    [Fact]
    public void Latest_ForAUser_GivesOnlyTheirs()
    {
        var finished = new FinishedJobs();
        finished.Add(Job(1, "alice"));
        finished.Add(Job(2, "bob"));
        finished.Add(Job(3, "alice"));

        Assert.Equal([3L, 1L], finished.Latest(10, "alice").Select(job => job.Id));
        Assert.Empty(finished.Latest(10, "carol"));
    }

    [Fact]
    public void Latest_BeforeAnyEnd_IsEmpty()
    {
        Assert.Empty(new FinishedJobs().Latest(10, null));
    }

    private static FinishedJob Job(long id, string user) =>
        new(id, user, "job" + id, JobState.Completed, id * 1_000_000, id * 1_000_000, (id + 1) * 1_000_000, 2.0, 60);
}
