using Augur.Core.Time;

namespace Augur.Core.Tests.Time;

public sealed class DurationTests
{
    [Fact]
    public void FromSeconds_WholeSeconds_IsExactMicroseconds()
    {
        Assert.Equal(3_000_000, Duration.FromSeconds(3).Microseconds);
        Assert.Equal(-7_000_000, Duration.FromSeconds(-7).Microseconds);
        Assert.Equal(0, Duration.FromSeconds(0).Microseconds);
    }

    [Fact]
    public void FromMinutesAndFromHours_ConvertExactly()
    {
        Assert.Equal(Duration.FromSeconds(120), Duration.FromMinutes(2));
        Assert.Equal(Duration.FromSeconds(7200), Duration.FromHours(2));
        Assert.Equal(3_600_000_000, Duration.FromHours(1).Microseconds);
    }

    [Fact]
    public void FromSeconds_Overflow_Throws()
    {
        // long.MaxValue microseconds is 9,223,372,036,854.775807 seconds.
        Assert.Equal(9_223_372_036_854_000_000, Duration.FromSeconds(9_223_372_036_854).Microseconds);
        Assert.Throws<OverflowException>(() => Duration.FromSeconds(9_223_372_036_855));
        Assert.Throws<OverflowException>(() => Duration.FromSeconds(long.MinValue));
    }

    [Fact]
    public void FromMinutesAndFromHours_Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => Duration.FromMinutes(long.MaxValue / 60));
        Assert.Throws<OverflowException>(() => Duration.FromMinutes(long.MaxValue));
        Assert.Throws<OverflowException>(() => Duration.FromHours(long.MaxValue / 3600));
        Assert.Throws<OverflowException>(() => Duration.FromHours(long.MaxValue));
    }

    [Fact]
    public void Arithmetic_IsExactInteger()
    {
        var a = new Duration(1_000_001);
        var b = new Duration(999_999);

        Assert.Equal(new Duration(2_000_000), a + b);
        Assert.Equal(new Duration(2), a - b);
        Assert.Equal(new Duration(-2), b - a);

        // 0.1 s added ten times is exactly one second (no floating-point drift).
        var sum = Duration.Zero;
        for (var i = 0; i < 10; i++)
        {
            sum += new Duration(100_000);
        }

        Assert.Equal(Duration.FromSeconds(1), sum);
    }

    [Fact]
    public void WholeSeconds_TruncatesTowardZero()
    {
        Assert.Equal(2, new Duration(2_999_999).WholeSeconds);
        Assert.Equal(0, new Duration(999_999).WholeSeconds);
        Assert.Equal(-1, new Duration(-1_500_000).WholeSeconds);
    }

    [Fact]
    public void TotalSeconds_IsFractionalSeconds()
    {
        Assert.Equal(1.5, new Duration(1_500_000).TotalSeconds);
        Assert.Equal(0.000001, new Duration(1).TotalSeconds);
    }

    [Fact]
    public void Constants_HaveDocumentedValues()
    {
        Assert.Equal(0, Duration.Zero.Microseconds);
        Assert.Equal(long.MaxValue / 4, Duration.MaxValue.Microseconds);
        Assert.Equal(1_000_000, Duration.MicrosecondsPerSecond);
        Assert.Equal(Duration.Zero, default);
    }

    [Fact]
    public void ComparisonOperators_FollowMicroseconds()
    {
        var small = new Duration(5);
        var same = new Duration(5);
        var large = new Duration(6);

        Assert.True(small < large);
        Assert.False(large < small);
        Assert.False(small < same);
        Assert.True(large > small);
        Assert.False(small > same);
        Assert.True(small <= same);
        Assert.True(small <= large);
        Assert.False(large <= small);
        Assert.True(small >= same);
        Assert.True(large >= small);
        Assert.False(small >= large);
        Assert.True(small == same);
        Assert.False(small == large);
        Assert.True(small != large);
        Assert.False(small != same);
    }

    [Fact]
    public void EqualsHashAndCompareTo_AgreeWithOperators()
    {
        var a = Duration.FromSeconds(4);
        var b = new Duration(4_000_000);
        var c = Duration.FromSeconds(5);

        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)4_000_000L));
        Assert.False(a.Equals(null));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(0, a.CompareTo(b));
        Assert.True(a.CompareTo(c) < 0);
        Assert.True(c.CompareTo(a) > 0);
    }

    [Fact]
    public void MinAndMax_PickTheRightOperand()
    {
        var a = Duration.FromSeconds(1);
        var b = Duration.FromSeconds(2);

        Assert.Equal(a, Duration.Min(a, b));
        Assert.Equal(a, Duration.Min(b, a));
        Assert.Equal(b, Duration.Max(a, b));
        Assert.Equal(b, Duration.Max(b, a));
        Assert.Equal(a, Duration.Min(a, a));
    }

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(120_000_000L, "120s")]
    [InlineData(1_500_000L, "1.5s")]
    [InlineData(1L, "0.000001s")]
    [InlineData(1_234_567L, "1.234567s")]
    [InlineData(-3_000_000L, "-3s")]
    [InlineData(-1_500_000L, "-1.5s")]
    public void ToString_PrintsSecondsWithInvariantCulture(long microseconds, string expected)
    {
        Assert.Equal(expected, new Duration(microseconds).ToString());
    }

    /// <summary>
    /// Time is exact, and so should its text be: a duration (or an instant since the Unix epoch, as the
    /// live service uses) of 10^9 seconds or more with a fractional part needs 16+ significant digits.
    /// Today ToString goes through a double with 15 significant digits and drops the last microseconds.
    /// </summary>
    [Theory]
    [InlineData(1_700_000_000_123_457L, "1700000000.123457s")]
    [InlineData(1_000_000_000_000_001L, "1000000000.000001s")]
    public void ToString_LargeFractionalDuration_IsExact(long microseconds, string expected)
    {
        Assert.Equal(expected, new Duration(microseconds).ToString());
    }
}
