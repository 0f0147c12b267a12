using Augur.Core.Scheduling;
using Augur.Core.Time;

using static Augur.Core.Tests.TestJobs;

namespace Augur.Core.Tests.Scheduling;

public sealed class ReservationProfileTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_ProcessorsNotPositive_Throws(int processors)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReservationProfile(processors));
    }

    [Fact]
    public void NewProfile_IsOneStepAllFree()
    {
        var profile = new ReservationProfile(10);

        Assert.Equal(10, profile.TotalProcessors);
        Assert.Equal(1, profile.StepCount);
        Assert.Equal(10, profile.FreeAt(Instant.Zero));
        Assert.Equal(10, profile.FreeAt(At(1_000_000)));
    }

    [Fact]
    public void Allocate_TakesProcessorsOverHalfOpenInterval()
    {
        var profile = new ReservationProfile(10);

        profile.Allocate(At(10), At(20), 4);

        Assert.Equal(10, profile.FreeAt(At(10) - new Duration(1)));
        Assert.Equal(6, profile.FreeAt(At(10)));
        Assert.Equal(6, profile.FreeAt(At(20) - new Duration(1)));
        Assert.Equal(10, profile.FreeAt(At(20)));
        Assert.Equal(3, profile.StepCount);
    }

    [Fact]
    public void Allocate_Overlapping_AddsUp()
    {
        var profile = new ReservationProfile(10);

        profile.Allocate(At(10), At(30), 4);
        profile.Allocate(At(20), At(40), 5);

        Assert.Equal(10, profile.FreeAt(At(5)));
        Assert.Equal(6, profile.FreeAt(At(15)));
        Assert.Equal(1, profile.FreeAt(At(25)));
        Assert.Equal(5, profile.FreeAt(At(35)));
        Assert.Equal(10, profile.FreeAt(At(40)));
    }

    [Fact]
    public void Allocate_UntilMaxValue_HoldsForever()
    {
        var profile = new ReservationProfile(10);

        profile.Allocate(At(10), Instant.MaxValue, 3);

        Assert.Equal(10, profile.FreeAt(At(9)));
        Assert.Equal(7, profile.FreeAt(At(10)));
        Assert.Equal(7, profile.FreeAt(new Instant(Instant.MaxValue.Microseconds - 1)));
        Assert.Equal(2, profile.StepCount);
    }

    [Fact]
    public void Release_GivesBackExactlyWhatWasTaken()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(10), At(30), 4);
        profile.Allocate(At(20), At(40), 5);

        profile.Release(At(10), At(30), 4);

        Assert.Equal(10, profile.FreeAt(At(15)));
        Assert.Equal(5, profile.FreeAt(At(25)));
        Assert.Equal(5, profile.FreeAt(At(35)));
        Assert.Equal(10, profile.FreeAt(At(45)));
    }

    [Fact]
    public void Release_PartOfAnAllocation_FreesOnlyThatPart()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(0), At(100), 6);

        profile.Release(At(40), At(100), 6);

        Assert.Equal(4, profile.FreeAt(At(39)));
        Assert.Equal(10, profile.FreeAt(At(40)));
    }

    [Fact]
    public void AllocateAndRelease_EmptyInterval_ChangeNothing()
    {
        var profile = new ReservationProfile(10);

        profile.Allocate(At(10), At(10), 4);
        profile.Allocate(At(20), At(10), 4);
        profile.Release(At(10), At(10), 4);

        Assert.Equal(1, profile.StepCount);
        Assert.Equal(10, profile.FreeAt(At(10)));
        Assert.Equal(10, profile.FreeAt(At(15)));
    }

    [Fact]
    public void Allocate_BeyondCapacity_Throws()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(10), At(20), 8);

        var error = Assert.Throws<InvalidOperationException>(() => profile.Allocate(At(15), At(25), 3));

        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => profile.Allocate(At(0), At(5), 11));
    }

    [Fact]
    public void Release_BeyondCapacity_Throws()
    {
        var profile = new ReservationProfile(10);

        Assert.Throws<InvalidOperationException>(() => profile.Release(At(0), At(5), 1));
    }

    [Fact]
    public void Allocate_ExactlyAllProcessors_IsAllowed()
    {
        var profile = new ReservationProfile(10);

        profile.Allocate(At(0), At(5), 10);

        Assert.Equal(0, profile.FreeAt(At(0)));
    }

    [Fact]
    public void AdvanceTo_ForgetsPastSteps()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(10), At(20), 4);
        profile.Allocate(At(30), At(40), 2);
        Assert.Equal(5, profile.StepCount);

        profile.AdvanceTo(At(15));

        Assert.Equal(4, profile.StepCount);
        Assert.Equal(6, profile.FreeAt(At(15)));
        Assert.Equal(10, profile.FreeAt(At(25)));
        Assert.Equal(8, profile.FreeAt(At(35)));

        profile.AdvanceTo(At(30));

        Assert.Equal(2, profile.StepCount);
        Assert.Equal(8, profile.FreeAt(At(30)));

        profile.AdvanceTo(At(45));

        Assert.Equal(1, profile.StepCount);
        Assert.Equal(10, profile.FreeAt(At(45)));
    }

    [Fact]
    public void AdvanceTo_Backwards_ChangesNothing()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(10), At(20), 4);
        profile.AdvanceTo(At(15));

        profile.AdvanceTo(At(5));

        Assert.Equal(2, profile.StepCount);
        Assert.Equal(6, profile.FreeAt(At(15)));
        Assert.Throws<InvalidOperationException>(() => profile.Allocate(At(12), At(18), 1));
    }

    [Fact]
    public void Allocate_StartingInThePast_Throws()
    {
        var profile = new ReservationProfile(10);
        profile.AdvanceTo(At(100));

        var error = Assert.Throws<InvalidOperationException>(() => profile.Allocate(At(50), At(150), 2));
        Assert.Contains("cannot change the past", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => profile.Release(At(99), Instant.MaxValue, 2));
        Assert.Equal(10, profile.FreeAt(At(100)));

        profile.Allocate(At(100), At(150), 2);
        Assert.Equal(8, profile.FreeAt(At(100)));
    }

    [Fact]
    public void Release_IntervalEndedBeforeTheProfileStart_Throws()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(20), At(50), 2);
        profile.AdvanceTo(At(100));

        Assert.Throws<InvalidOperationException>(() => profile.Release(At(20), At(50), 2));
        Assert.Equal(10, profile.FreeAt(At(100)));
    }

    [Fact]
    public void EarliestFit_FitsNow_IsFrom()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(0), At(50), 6);

        Assert.Equal(At(0), profile.EarliestFit(4, Seconds(100), At(0)));
        Assert.Equal(At(7), profile.EarliestFit(4, Seconds(100), At(7)));
        Assert.Equal(At(60), profile.EarliestFit(10, Seconds(100), At(60)));
    }

    [Fact]
    public void EarliestFit_MustWait_IsTheRelease()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(0), At(50), 8);

        Assert.Equal(At(50), profile.EarliestFit(4, Seconds(10), At(0)));
        Assert.Equal(At(0), profile.EarliestFit(2, Seconds(10), At(0)));
        Assert.Equal(At(50), profile.EarliestFit(10, Seconds(1), At(20)));
    }

    [Fact]
    public void EarliestFit_HoleTooShort_IsSkipped()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(0), At(10), 8);
        profile.Allocate(At(20), At(40), 8);

        // The hole [10, 20) has 10 free: long enough for 10 s, too short for 11 s.
        Assert.Equal(At(10), profile.EarliestFit(4, Seconds(10), At(0)));
        Assert.Equal(At(40), profile.EarliestFit(4, Seconds(11), At(0)));

        // From inside the hole, less of it remains.
        Assert.Equal(At(15), profile.EarliestFit(4, Seconds(5), At(15)));
        Assert.Equal(At(40), profile.EarliestFit(4, Seconds(6), At(15)));
    }

    [Fact]
    public void EarliestFit_SeveralFittingSteps_AreOneRun()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(10), At(20), 2);
        profile.Allocate(At(20), At(30), 3);
        profile.Allocate(At(30), At(40), 6);

        // [0,10) 10 free, [10,20) 8, [20,30) 7: a 5-processor job fits from 0 for 30 s; [30,40) has 4.
        Assert.Equal(At(0), profile.EarliestFit(5, Seconds(30), At(0)));
        Assert.Equal(At(40), profile.EarliestFit(5, Seconds(31), At(0)));
        Assert.Equal(At(0), profile.EarliestFit(4, Seconds(1_000), At(0)));
    }

    [Fact]
    public void EarliestFit_LastStepLacksProcessors_IsNever()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(10), Instant.MaxValue, 8);

        Assert.Equal(Instant.MaxValue, profile.EarliestFit(4, Seconds(11), At(0)));
        Assert.Equal(At(0), profile.EarliestFit(4, Seconds(10), At(0)));
        Assert.Equal(Instant.MaxValue, profile.EarliestFit(3, Seconds(1), At(10)));
        Assert.Equal(At(0), profile.EarliestFit(2, Seconds(1_000_000), At(0)));
    }

    [Fact]
    public void EarliestFit_MoreThanTheMachine_IsNever()
    {
        var profile = new ReservationProfile(10);

        Assert.Equal(Instant.MaxValue, profile.EarliestFit(11, Seconds(1), At(0)));
    }

    [Fact]
    public void EarliestFit_FromBeforeTheProfileStart_StartsAtTheProfileStart()
    {
        var profile = new ReservationProfile(10);
        profile.AdvanceTo(At(100));

        Assert.Equal(At(100), profile.EarliestFit(1, Seconds(1), At(0)));
    }

    [Fact]
    public void EarliestFit_AfterTheLastBreakpoint_IsFrom()
    {
        var profile = new ReservationProfile(10);
        profile.Allocate(At(0), At(10), 10);

        Assert.Equal(At(500), profile.EarliestFit(10, Seconds(1), At(500)));
    }

    [Fact]
    public void Allocate_ManyBreakpoints_GrowsStorage()
    {
        var profile = new ReservationProfile(1000, capacity: 4);
        for (var i = 0; i < 200; i++)
        {
            profile.Allocate(At(2 * i), At((2 * i) + 1), 1 + (i % 7));
        }

        Assert.Equal(400, profile.StepCount);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(1000 - 1 - (i % 7), profile.FreeAt(At(2 * i)));
            Assert.Equal(1000, profile.FreeAt(At((2 * i) + 1)));
        }
    }

    [Fact]
    public void AdvanceTo_PastManySteps_StillAnswersCorrectly()
    {
        var profile = new ReservationProfile(1000, capacity: 4);
        for (var i = 0; i < 200; i++)
        {
            profile.Allocate(At(2 * i), At((2 * i) + 1), 1 + (i % 7));
        }

        // Advance in small strides so the storage is compacted along the way.
        for (var t = 0; t < 400; t += 3)
        {
            profile.AdvanceTo(At(t));
            Assert.Equal(t % 2 == 0 ? 1000 - 1 - ((t / 2) % 7) : 1000, profile.FreeAt(At(t)));
        }

        profile.Allocate(At(399), At(500), 1000);
        Assert.Equal(0, profile.FreeAt(At(450)));
        Assert.Equal(At(500), profile.EarliestFit(1, Seconds(1), At(399)));
    }

    [Fact]
    public void Version_ChangesOnEveryChangeAndOnlyThen()
    {
        var profile = new ReservationProfile(10);
        var versions = new HashSet<long> { profile.Version };

        profile.Allocate(At(10), At(20), 4);
        Assert.True(versions.Add(profile.Version));
        profile.Release(At(12), At(20), 4);
        Assert.True(versions.Add(profile.Version));
        profile.AdvanceTo(At(11));
        Assert.True(versions.Add(profile.Version));

        var unchanged = profile.Version;
        profile.FreeAt(At(15));
        profile.EarliestFit(6, Seconds(5), At(11));
        profile.EarlierFit(6, Seconds(5), At(11), Instant.MaxValue, At(30));
        profile.MaxFree(At(11), At(30));
        profile.Allocate(At(15), At(15), 3);
        Assert.Equal(unchanged, profile.Version);
    }

    [Fact]
    public void ReleaseAndMaxFree_ReturnsTheMostFreeOverTheInterval()
    {
        // 10 procs: 6 taken over [0, 30), 3 more over [10, 20). Releasing 2 over [5, 25) leaves
        // 6 free on [5, 10), 3 on [10, 20), 6 on [20, 25): the most is 6; the profile is as with Release.
        var profile = new ReservationProfile(10);
        profile.Allocate(At(0), At(30), 6);
        profile.Allocate(At(10), At(20), 3);

        var most = profile.ReleaseAndMaxFree(At(5), At(25), 2);

        Assert.Equal(6, most);
        Assert.Equal(6, profile.FreeAt(At(5)));
        Assert.Equal(3, profile.FreeAt(At(15)));
        Assert.Equal(6, profile.FreeAt(At(24)));
        Assert.Equal(4, profile.FreeAt(At(25)));
        Assert.Equal(0, profile.ReleaseAndMaxFree(At(40), At(40), 1));
    }
}
