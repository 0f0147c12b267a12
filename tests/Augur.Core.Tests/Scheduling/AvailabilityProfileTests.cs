using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;

using static Augur.Core.Tests.TestJobs;

namespace Augur.Core.Tests.Scheduling;

public sealed class AvailabilityProfileTests
{
    private static RunningJob Running(int index, int processors, long startSeconds, long endSeconds) =>
        new(Job(index, processors), At(startSeconds), At(endSeconds));

    private static List<RunningJob> Listed(AvailabilityProfile profile)
    {
        var listed = new List<RunningJob>();
        foreach (var job in profile)
        {
            listed.Add(job);
        }

        return listed;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_ProcessorsNotPositive_Throws(int processors)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AvailabilityProfile(processors));
    }

    [Fact]
    public void NewProfile_IsEmptyAndAllFree()
    {
        var profile = new AvailabilityProfile(10);

        Assert.Equal(10, profile.TotalProcessors);
        Assert.Equal(0, profile.Count);
        Assert.Equal(0, profile.CommittedProcessors);
        Assert.Equal(10, profile.FreeAt(Instant.Zero));
        Assert.Empty(Listed(profile));
        Assert.Equal(new Reservation(At(5), 6), profile.EarliestReservation(4, At(5)));
        Assert.Equal(new Reservation(At(5), 0), profile.EarliestReservation(10, At(5)));
        Assert.Equal(new Reservation(Instant.MaxValue, 0), profile.EarliestReservation(11, At(5)));
    }

    [Fact]
    public void FreeAt_JobEndingAtOrBeforeNow_CountsAsFree()
    {
        var profile = new AvailabilityProfile(10);
        profile.Add(Running(0, 4, 0, 100));

        Assert.Equal(6, profile.FreeAt(At(0)));
        Assert.Equal(6, profile.FreeAt(At(100) - new Duration(1)));
        Assert.Equal(10, profile.FreeAt(At(100)));
        Assert.Equal(10, profile.FreeAt(At(101)));
        Assert.Equal(4, profile.CommittedProcessors);
    }

    [Fact]
    public void FreeAt_SeveralJobs_AddsEveryEndedJob()
    {
        var profile = new AvailabilityProfile(10);
        profile.Add(Running(0, 4, 0, 100));
        profile.Add(Running(1, 3, 0, 200));
        profile.Add(Running(2, 2, 0, 300));

        Assert.Equal(1, profile.FreeAt(At(50)));
        Assert.Equal(5, profile.FreeAt(At(100)));
        Assert.Equal(5, profile.FreeAt(At(199)));
        Assert.Equal(8, profile.FreeAt(At(200)));
        Assert.Equal(10, profile.FreeAt(At(300)));
        Assert.Equal(9, profile.CommittedProcessors);
        Assert.Equal(3, profile.Count);
    }

    [Fact]
    public void EarliestReservation_FitsNow_StartsNowWithTheRestAsExtra()
    {
        var profile = new AvailabilityProfile(10);
        profile.Add(Running(0, 4, 0, 100));

        Assert.Equal(new Reservation(At(7), 1), profile.EarliestReservation(5, At(7)));
        Assert.Equal(new Reservation(At(7), 0), profile.EarliestReservation(6, At(7)));
    }

    [Fact]
    public void EarliestReservation_MustWait_StartsAtTheFirstSufficientRelease()
    {
        var profile = new AvailabilityProfile(10);
        profile.Add(Running(0, 4, 0, 100));
        profile.Add(Running(1, 3, 0, 200));
        profile.Add(Running(2, 2, 0, 300));

        // 1 free now; 5 at t=100, 8 at t=200, 10 at t=300.
        Assert.Equal(new Reservation(At(100), 0), profile.EarliestReservation(5, At(0)));
        Assert.Equal(new Reservation(At(100), 3), profile.EarliestReservation(2, At(0)));
        Assert.Equal(new Reservation(At(0), 0), profile.EarliestReservation(1, At(0)));
        Assert.Equal(new Reservation(At(100), 2), profile.EarliestReservation(3, At(0)));
        Assert.Equal(new Reservation(At(200), 1), profile.EarliestReservation(7, At(0)));
        Assert.Equal(new Reservation(At(300), 0), profile.EarliestReservation(10, At(0)));
        Assert.Equal(new Reservation(Instant.MaxValue, 0), profile.EarliestReservation(11, At(0)));
    }

    [Fact]
    public void EarliestReservation_SeveralReleasesAtOneInstant_CountsThemAllBeforeTesting()
    {
        var profile = new AvailabilityProfile(10);
        profile.Add(Running(0, 2, 0, 100));
        profile.Add(Running(1, 3, 0, 100));
        profile.Add(Running(2, 4, 0, 200));

        // At t=100 both jobs release: 1 + 2 + 3 = 6 free, so 3 extra (not 0 after the first release only).
        Assert.Equal(new Reservation(At(100), 3), profile.EarliestReservation(3, At(0)));
        Assert.Equal(new Reservation(At(100), 0), profile.EarliestReservation(6, At(0)));
        Assert.Equal(new Reservation(At(200), 3), profile.EarliestReservation(7, At(0)));
    }

    [Fact]
    public void EarliestReservation_LastReleasesTied_CountsThemAll()
    {
        var profile = new AvailabilityProfile(10);
        profile.Add(Running(0, 5, 0, 100));
        profile.Add(Running(1, 5, 0, 100));

        Assert.Equal(new Reservation(At(100), 5), profile.EarliestReservation(5, At(0)));
        Assert.Equal(new Reservation(At(100), 0), profile.EarliestReservation(10, At(0)));
    }

    [Fact]
    public void EarliestReservation_JobsAlreadyPastTheirPlannedEnd_AreFreeNow()
    {
        var profile = new AvailabilityProfile(10);
        profile.Add(Running(0, 4, 0, 100));
        profile.Add(Running(1, 3, 0, 200));

        Assert.Equal(new Reservation(At(150), 2), profile.EarliestReservation(5, At(150)));
        Assert.Equal(new Reservation(At(200), 2), profile.EarliestReservation(8, At(150)));
        Assert.Equal(new Reservation(At(100), 0), profile.EarliestReservation(7, At(100)));
        Assert.Equal(new Reservation(At(200), 0), profile.EarliestReservation(10, At(100)));
        Assert.Equal(new Reservation(At(250), 0), profile.EarliestReservation(10, At(250)));
    }

    [Fact]
    public void EarliestReservation_UnknownEndNeeded_IsNever()
    {
        var profile = new AvailabilityProfile(10);
        profile.Add(Running(0, 2, 0, 100));
        profile.Add(new RunningJob(Job(1, 4), At(0), Instant.MaxValue));

        Assert.Equal(new Reservation(At(0), 0), profile.EarliestReservation(4, At(0)));
        Assert.Equal(new Reservation(At(100), 0), profile.EarliestReservation(6, At(0)));
        Assert.Equal(new Reservation(Instant.MaxValue, 0), profile.EarliestReservation(7, At(0)));
        Assert.Equal(new Reservation(Instant.MaxValue, 0), profile.EarliestReservation(10, At(500)));
        Assert.Equal(6, profile.FreeAt(At(1_000_000_000)));
    }

    [Fact]
    public void EarliestReservation_UnknownEndNotNeeded_UsesTheKnownRelease()
    {
        var profile = new AvailabilityProfile(10);
        profile.Add(new RunningJob(Job(0, 4), At(0), Instant.MaxValue));
        profile.Add(Running(1, 5, 0, 100));

        Assert.Equal(new Reservation(At(100), 0), profile.EarliestReservation(6, At(0)));
        Assert.Equal(new Reservation(At(100), 1), profile.EarliestReservation(5, At(0)));
    }

    /// <summary>
    /// A job without a requested time plans with <see cref="Duration.MaxValue"/>; its planned end is
    /// start + RequestedTime, and the drivers build it exactly so (now + PlannedRunTime). Needing its
    /// processors must give "never", as for <see cref="Instant.MaxValue"/>; today the sum is a finite
    /// instant (Instant + Duration.MaxValue does not saturate), so the profile promises a start ~73,000 years
    /// away with extra processors.
    /// </summary>
    [Fact]
    public void EarliestReservation_JobWithoutRequestedTimeNeeded_IsNever()
    {
        var profile = new AvailabilityProfile(10);
        var unbounded = Unbounded(0, processors: 4);
        profile.Add(new RunningJob(unbounded, At(100), At(100) + unbounded.RequestedTime));

        Assert.Equal(new Reservation(Instant.MaxValue, 0), profile.EarliestReservation(8, At(200)));
    }

    [Fact]
    public void Enumerator_OrdersByPlannedEndThenInsertion()
    {
        var profile = new AvailabilityProfile(100);
        var a = Running(0, 1, 0, 300);
        var b = Running(1, 1, 0, 100);
        var c = Running(2, 1, 5, 200);
        var d = Running(3, 1, 6, 100);
        var e = Running(4, 1, 7, 300);
        var f = Running(5, 1, 8, 100);

        foreach (var job in new[] { a, b, c, d, e, f })
        {
            profile.Add(job);
        }

        Assert.Equal([b, d, f, c, a, e], Listed(profile));
    }

    [Fact]
    public void Remove_ReturnsTheEntryAndKeepsOrder()
    {
        var profile = new AvailabilityProfile(100);
        var a = Running(0, 5, 0, 100);
        var b = Running(1, 6, 1, 100);
        var c = Running(2, 7, 2, 200);
        profile.Add(a);
        profile.Add(b);
        profile.Add(c);

        var removed = profile.Remove(a.Request, At(100));

        Assert.Equal(a, removed);
        Assert.Equal([b, c], Listed(profile));
        Assert.Equal(2, profile.Count);
        Assert.Equal(13, profile.CommittedProcessors);
    }

    [Fact]
    public void Remove_WrongPlannedEnd_ThrowsAndKeepsTheJob()
    {
        var profile = new AvailabilityProfile(100);
        var a = Running(0, 5, 0, 100);
        var b = Running(1, 6, 0, 200);
        profile.Add(a);
        profile.Add(b);

        var error = Assert.Throws<InvalidOperationException>(() => profile.Remove(a.Request, At(200)));

        Assert.Contains("job 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => profile.Remove(a.Request, At(99)));
        Assert.Throws<InvalidOperationException>(() => profile.Remove(a.Request, At(150)));
        Assert.Equal([a, b], Listed(profile));
        Assert.Equal(2, profile.Count);
        Assert.Equal(11, profile.CommittedProcessors);
    }

    [Fact]
    public void Remove_UnknownJobOrOtherInstanceWithSameId_Throws()
    {
        var profile = new AvailabilityProfile(100);
        var a = Running(0, 5, 0, 100);
        profile.Add(a);

        Assert.Throws<InvalidOperationException>(() => profile.Remove(Job(7), At(100)));
        Assert.Throws<InvalidOperationException>(() => profile.Remove(Job(0, 5), At(100)));
        Assert.Throws<ArgumentNullException>(() => profile.Remove(null!, At(100)));
        Assert.Equal(1, profile.Count);
    }

    [Fact]
    public void Remove_Twice_ThrowsTheSecondTime()
    {
        var profile = new AvailabilityProfile(100);
        var a = Running(0, 5, 0, 100);
        profile.Add(a);
        profile.Remove(a.Request, At(100));

        Assert.Throws<InvalidOperationException>(() => profile.Remove(a.Request, At(100)));
        Assert.Equal(0, profile.Count);
        Assert.Equal(0, profile.CommittedProcessors);
        Assert.Empty(Listed(profile));
    }

    [Fact]
    public void ChangeEstimatedEnd_MovesTheJobAfterEqualEnds()
    {
        var profile = new AvailabilityProfile(100);
        var a = Running(0, 1, 0, 100);
        var b = Running(1, 2, 0, 200);
        var c = Running(2, 3, 0, 300);
        profile.Add(a);
        profile.Add(b);
        profile.Add(c);

        profile.ChangeEstimatedEnd(a.Request, At(100), At(300));

        Assert.Equal([b, c, a with { EstimatedEnd = At(300) }], Listed(profile));
        Assert.Equal(3, profile.Count);
        Assert.Equal(6, profile.CommittedProcessors);
        Assert.Equal(96, profile.FreeAt(At(200)));
    }

    [Fact]
    public void ChangeEstimatedEnd_Earlier_MovesTheJobForward()
    {
        var profile = new AvailabilityProfile(100);
        var a = Running(0, 1, 0, 100);
        var b = Running(1, 2, 0, 200);
        var c = Running(2, 3, 0, 300);
        profile.Add(a);
        profile.Add(b);
        profile.Add(c);

        profile.ChangeEstimatedEnd(c.Request, At(300), At(50));

        Assert.Equal([c with { EstimatedEnd = At(50) }, a, b], Listed(profile));
        Assert.Equal(new Reservation(At(50), 0), profile.EarliestReservation(97, At(0)));
    }

    [Fact]
    public void ChangeEstimatedEnd_ToUnknown_MakesItsProcessorsNeverFree()
    {
        var profile = new AvailabilityProfile(10);
        var a = Running(0, 4, 0, 100);
        profile.Add(a);

        profile.ChangeEstimatedEnd(a.Request, At(100), Instant.MaxValue);

        Assert.Equal(new Reservation(Instant.MaxValue, 0), profile.EarliestReservation(7, At(0)));
        Assert.Equal(6, profile.FreeAt(At(100)));
    }

    [Fact]
    public void ChangeEstimatedEnd_WrongOldEnd_ThrowsAndKeepsTheJob()
    {
        var profile = new AvailabilityProfile(100);
        var a = Running(0, 1, 0, 100);
        profile.Add(a);

        Assert.Throws<InvalidOperationException>(() => profile.ChangeEstimatedEnd(a.Request, At(200), At(300)));
        Assert.Equal([a], Listed(profile));
        Assert.Equal(1, profile.CommittedProcessors);
    }

    [Fact]
    public void Add_ManyEqualEnds_KeepsInsertionOrderAcrossBlocks()
    {
        var profile = new AvailabilityProfile(10_000);
        var jobs = new List<RunningJob>();
        for (var i = 0; i < 700; i++)
        {
            var job = Running(i, 1, i, 500);
            jobs.Add(job);
            profile.Add(job);
        }

        Assert.Equal(jobs, Listed(profile));

        // Remove every third job, from the middle blocks too, then add more ties: they go last.
        for (var i = 0; i < 700; i += 3)
        {
            profile.Remove(jobs[i].Request, At(500));
        }

        jobs = jobs.Where((_, i) => i % 3 != 0).ToList();
        for (var i = 700; i < 800; i++)
        {
            var job = Running(i, 1, i, 500);
            jobs.Add(job);
            profile.Add(job);
        }

        Assert.Equal(jobs, Listed(profile));
        Assert.Equal(jobs.Count, profile.Count);
        Assert.Equal(jobs.Count, profile.CommittedProcessors);
    }

    [Fact]
    public void Add_DescendingEnds_KeepsSortedOrderAcrossBlocks()
    {
        var profile = new AvailabilityProfile(10_000);
        var jobs = new List<RunningJob>();
        for (var i = 0; i < 600; i++)
        {
            var job = Running(i, 1 + (i % 5), 0, 10_000 - (i * 7));
            jobs.Add(job);
            profile.Add(job);
        }

        var expected = jobs.OrderBy(j => j.EstimatedEnd).ToList();
        Assert.Equal(expected, Listed(profile));

        // FreeAt after the 100 earliest ends: those 100 jobs' processors plus the idle ones.
        var at = expected[99].EstimatedEnd;
        var free = 10_000 - jobs.Sum(j => j.Request.Processors) + expected.Take(100).Sum(j => j.Request.Processors);
        Assert.Equal(free, profile.FreeAt(at));
    }

    [Fact]
    public void Remove_EveryJob_LeavesAnEmptyUsableProfile()
    {
        var profile = new AvailabilityProfile(10_000);
        var jobs = new List<RunningJob>();
        for (var i = 0; i < 400; i++)
        {
            var job = Running(i, 2, 0, i % 37);
            jobs.Add(job);
            profile.Add(job);
        }

        foreach (var job in jobs)
        {
            profile.Remove(job.Request, job.EstimatedEnd);
        }

        Assert.Equal(0, profile.Count);
        Assert.Equal(0, profile.CommittedProcessors);
        Assert.Empty(Listed(profile));
        Assert.Equal(10_000, profile.FreeAt(Instant.Zero));

        var again = Running(1000, 3, 0, 10);
        profile.Add(again);
        Assert.Equal([again], Listed(profile));
        Assert.Equal(new Reservation(At(10), 0), profile.EarliestReservation(10_000, Instant.Zero));
    }

    [Fact]
    public void Enumerator_EmptyProfile_HasNoCurrent()
    {
        var enumerator = new AvailabilityProfile(4).GetEnumerator();

        Assert.False(enumerator.MoveNext());
        Assert.False(enumerator.MoveNext());
    }

    [Fact]
    public void Reservation_And_RunningJob_AreValueRecords()
    {
        var job = Job(0);

        Assert.Equal(new Reservation(At(1), 2), new Reservation(At(1), 2));
        Assert.NotEqual(new Reservation(At(1), 2), new Reservation(At(1), 3));
        Assert.Equal(new RunningJob(job, At(1), At(2)), new RunningJob(job, At(1), At(2)));
        Assert.NotEqual(new RunningJob(job, At(1), At(2)), new RunningJob(Job(0), At(1), At(2)));
        Assert.Equal(At(9), (new RunningJob(job, At(1), At(2)) with { EstimatedEnd = At(9) }).EstimatedEnd);
    }
}
