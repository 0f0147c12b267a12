using Augur.Service.Driver;

namespace Augur.Service.Tests.Driver;

public sealed class UtilizationHistoryTests
{
    // A whole second since the epoch, so that bucket boundaries fall on whole seconds from it.
    private const long Base = 1_790_000_000L * Second;
    private const long Second = 1_000_000;

    [Fact]
    public void Read_AfterChangesWithinSeconds_GivesTimeWeightedMeans()
    {
        var history = new UtilizationHistory();
        history.Record(Base + (Second / 2), busyProcessors: 2, runningJobs: 1, waitingJobs: 0);
        history.Record(Base + (3 * Second / 2), busyProcessors: 4, runningJobs: 2, waitingJobs: 0);

        var window = history.Read(Base + (5 * Second / 2), buckets: 10);

        // [0, 1): 2 busy over the half it covers; [1, 2): 2 for half, 4 for half; [2, 2.5): 4.
        Assert.Equal(Base, window.StartMicroseconds);
        Assert.Equal(Second, window.ResolutionMicroseconds);
        Assert.Equal([2.0, 3.0, 4.0], window.BusyProcessors);
        Assert.Equal([1, 2, 2], window.RunningJobs);
    }

    [Fact]
    public void Read_WaitingJobsRiseAndFallWithinASecond_KeepsTheMostAndStartsTheNextAtTheLast()
    {
        var history = new UtilizationHistory();
        history.Record(Base, 0, 0, 3);
        history.Record(Base + (Second / 4), 0, 0, 1);

        var window = history.Read(Base + Second + 1, buckets: 10);

        Assert.Equal([3, 1], window.WaitingJobs);
    }

    [Fact]
    public void Read_FewerBucketsThanRecorded_GivesTheLatest()
    {
        var history = new UtilizationHistory();
        history.Record(Base, 1, 1, 0);
        history.Record(Base + (3 * Second), 2, 2, 0);

        var window = history.Read(Base + (4 * Second), buckets: 2);

        // Buckets 3 and 4; bucket 4 has just begun (nothing covered yet) and shows the current state.
        Assert.Equal(Base + (3 * Second), window.StartMicroseconds);
        Assert.Equal([2.0, 2.0], window.BusyProcessors);
    }

    [Fact]
    public void Read_AfterAGapLongerThanTheRing_FillsOnlyTheRing()
    {
        var history = new UtilizationHistory(capacity: 4);
        history.Record(Base, 3, 1, 0);
        history.Record(Base + (100 * Second) + (Second / 2), 1, 1, 0);

        var window = history.Read(Base + (101 * Second), buckets: 100);

        // The ring's four seconds, 98 to 101: two full seconds at 3 busy, second 100 half at 3 and half at 1,
        // and second 101, just begun, at 1.
        Assert.Equal(Base + (98 * Second), window.StartMicroseconds);
        Assert.Equal([3.0, 3.0, 2.0, 1.0], window.BusyProcessors);
    }

    [Fact]
    public void Record_EarlierThanTheLastRecord_CountsAsAtTheLast()
    {
        var history = new UtilizationHistory();
        history.Record(Base + (2 * Second), 1, 1, 0);
        history.Record(Base + Second, 5, 1, 0);

        var window = history.Read(Base + (3 * Second), buckets: 10);

        Assert.Equal(Base + (2 * Second), window.StartMicroseconds);
        Assert.Equal([5.0, 5.0], window.BusyProcessors);
    }

    [Fact]
    public void Read_BeforeAnyRecord_IsEmpty()
    {
        var window = new UtilizationHistory().Read(Base, buckets: 5);

        Assert.Empty(window.BusyProcessors);
        Assert.Empty(window.RunningJobs);
        Assert.Empty(window.WaitingJobs);
    }

    [Fact]
    public void Read_NoBuckets_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UtilizationHistory().Read(Base, buckets: 0));
    }
}
