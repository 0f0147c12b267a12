using Augur.Core.Time;

namespace Augur.Core.Tests.Time;

public sealed class InstantTests
{
    private static readonly long Max = long.MaxValue / 2;

    [Fact]
    public void FromSeconds_WholeSeconds_IsExactMicroseconds()
    {
        Assert.Equal(3_000_000, Instant.FromSeconds(3).Microseconds);
        Assert.Equal(Instant.Zero, Instant.FromSeconds(0));
        Assert.Equal(1_700_000_000_000_000, Instant.FromSeconds(1_700_000_000).Microseconds);
    }

    [Fact]
    public void FromSeconds_Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => Instant.FromSeconds(9_223_372_036_855));
        Assert.Throws<OverflowException>(() => Instant.FromSeconds(long.MaxValue));
        Assert.Throws<OverflowException>(() => Instant.FromSeconds(long.MinValue));
    }

    [Fact]
    public void Constants_HaveDocumentedValues()
    {
        Assert.Equal(0, Instant.Zero.Microseconds);
        Assert.Equal(Max, Instant.MaxValue.Microseconds);
        Assert.Equal(Instant.Zero, default);
    }

    [Fact]
    public void AddDuration_IsExactInteger()
    {
        Assert.Equal(new Instant(3), new Instant(1) + new Duration(2));
        Assert.Equal(new Instant(1_000_000_000_000_001), new Instant(1_000_000_000_000_000) + new Duration(1));
        Assert.Equal(new Instant(-1), new Instant(1) + new Duration(-2));
        Assert.Equal(Instant.FromSeconds(150), Instant.FromSeconds(100).Add(Duration.FromSeconds(50)));
    }

    [Fact]
    public void AddDuration_AtMaxValue_StaysMaxValue()
    {
        Assert.Equal(Instant.MaxValue, Instant.MaxValue + Duration.FromSeconds(1));
        Assert.Equal(Instant.MaxValue, Instant.MaxValue + Duration.Zero);
        Assert.Equal(Instant.MaxValue, Instant.MaxValue + Duration.MaxValue);
        Assert.Equal(Instant.MaxValue, Instant.MaxValue.Add(Duration.FromHours(1)));
    }

    [Fact]
    public void AddDuration_ReachingMaxValue_Saturates()
    {
        Assert.Equal(Instant.MaxValue, new Instant(Max - 1) + new Duration(1));
        Assert.Equal(Instant.MaxValue, new Instant(Max - 1) + new Duration(2));
        Assert.Equal(Instant.MaxValue, new Instant(Max - 10) + Duration.FromSeconds(1));
        Assert.Equal(Instant.MaxValue, new Instant(Max / 2) + Duration.MaxValue + Duration.MaxValue);
    }

    [Fact]
    public void AddDuration_JustBelowMaxValue_DoesNotSaturate()
    {
        Assert.Equal(new Instant(Max - 1), new Instant(Max - 2) + new Duration(1));

        // The longest bounded duration does not saturate from zero; the unbounded one always does.
        Assert.Equal(new Instant(Duration.MaxValue.Microseconds - 1), Instant.Zero + new Duration(Duration.MaxValue.Microseconds - 1));
        Assert.Equal(Instant.MaxValue, Instant.Zero + Duration.MaxValue);
    }

    /// <summary>
    /// A job without a requested time plans with <see cref="Duration.MaxValue"/> ("no end we could know");
    /// its planned end, start + that duration, must be <see cref="Instant.MaxValue"/> ("the end of a job
    /// whose end nobody can know"), so that "unknown stays unknown". Today it is a finite instant
    /// (start + long.MaxValue / 4 microseconds, about 73,000 years), which the availability profile treats
    /// as a known end.
    /// </summary>
    [Fact]
    public void AddDuration_DurationMaxValue_GivesInstantMaxValue()
    {
        Assert.Equal(Instant.MaxValue, Instant.Zero + Duration.MaxValue);
        Assert.Equal(Instant.MaxValue, Instant.FromSeconds(100) + Duration.MaxValue);
    }

    [Fact]
    public void SubtractDuration_IsExactInteger()
    {
        Assert.Equal(new Instant(7), new Instant(10) - new Duration(3));
        Assert.Equal(new Instant(-3), Instant.Zero - new Duration(3));
        Assert.Equal(Instant.FromSeconds(50), Instant.FromSeconds(100) - Duration.FromSeconds(50));
    }

    [Fact]
    public void SubtractInstant_GivesExactDuration()
    {
        Assert.Equal(new Duration(1_500_001), new Instant(2_500_001) - new Instant(1_000_000));
        Assert.Equal(new Duration(-5), new Instant(5) - new Instant(10));
        Assert.Equal(Duration.Zero, Instant.MaxValue - Instant.MaxValue);
    }

    [Fact]
    public void WholeSeconds_TruncatesTowardZero()
    {
        Assert.Equal(2, new Instant(2_999_999).WholeSeconds);
        Assert.Equal(0, new Instant(1).WholeSeconds);
        Assert.Equal(-1, new Instant(-1_999_999).WholeSeconds);
    }

    [Fact]
    public void ComparisonOperators_FollowMicroseconds()
    {
        var early = new Instant(100);
        var same = new Instant(100);
        var late = new Instant(101);

        Assert.True(early < late);
        Assert.False(late < early);
        Assert.False(early < same);
        Assert.True(late > early);
        Assert.False(early > same);
        Assert.True(early <= same);
        Assert.True(early <= late);
        Assert.False(late <= early);
        Assert.True(early >= same);
        Assert.True(late >= early);
        Assert.False(early >= late);
        Assert.True(early == same);
        Assert.False(early == late);
        Assert.True(early != late);
        Assert.False(early != same);
        Assert.True(Instant.MaxValue > Instant.FromSeconds(9_000_000_000));
    }

    [Fact]
    public void EqualsHashAndCompareTo_AgreeWithOperators()
    {
        var a = Instant.FromSeconds(4);
        var b = new Instant(4_000_000);
        var c = Instant.FromSeconds(5);

        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)Duration.FromSeconds(4)));
        Assert.False(a.Equals(null));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(0, a.CompareTo(b));
        Assert.True(a.CompareTo(c) < 0);
        Assert.True(c.CompareTo(a) > 0);
    }

    [Fact]
    public void MinAndMax_PickTheRightOperand()
    {
        var a = Instant.FromSeconds(1);
        var b = Instant.FromSeconds(2);

        Assert.Equal(a, Instant.Min(a, b));
        Assert.Equal(a, Instant.Min(b, a));
        Assert.Equal(b, Instant.Max(a, b));
        Assert.Equal(b, Instant.Max(b, a));
        Assert.Equal(Instant.MaxValue, Instant.Max(Instant.MaxValue, b));
    }

    [Fact]
    public void Sort_OrdersByTime()
    {
        Instant[] instants = [new(30), new(-1), Instant.MaxValue, Instant.Zero, new(30)];

        Array.Sort(instants);

        Assert.Equal([new Instant(-1), Instant.Zero, new Instant(30), new Instant(30), Instant.MaxValue], instants);
    }

    [Fact]
    public void ToString_MaxValue_IsNever()
    {
        Assert.Equal("never", Instant.MaxValue.ToString());
        Assert.Equal("never", (Instant.MaxValue + Duration.FromSeconds(5)).ToString());
    }

    [Theory]
    [InlineData(0L, "t+0s")]
    [InlineData(90_000_000L, "t+90s")]
    [InlineData(1_500_000L, "t+1.5s")]
    [InlineData(1L, "t+0.000001s")]
    [InlineData(812_667_922_000_000L, "t+812667922s")]
    public void ToString_PrintsOffsetFromOrigin(long microseconds, string expected)
    {
        Assert.Equal(expected, new Instant(microseconds).ToString());
    }
}
