using System.Globalization;

namespace Augur.Core.Time;

/// <summary>
/// An exact length of time in whole microseconds. Integer time keeps simulations reproducible:
/// no rounding drift, and identical inputs give identical schedules on every machine.
/// </summary>
public readonly struct Duration : IEquatable<Duration>, IComparable<Duration>
{
    public const long MicrosecondsPerSecond = 1_000_000;

    public static readonly Duration Zero = new(0);

    /// <summary>Unbounded: a duration longer than any trace, used where a job has no end we could know.</summary>
    public static readonly Duration MaxValue = new(long.MaxValue / 4);

    public Duration(long microseconds) => Microseconds = microseconds;

    public long Microseconds { get; }

    /// <summary>Whole seconds, truncated toward zero (SWF fields are whole seconds).</summary>
    public long WholeSeconds => Microseconds / MicrosecondsPerSecond;

    public double TotalSeconds => Microseconds / (double)MicrosecondsPerSecond;

    public static Duration FromSeconds(long seconds) => new(checked(seconds * MicrosecondsPerSecond));

    public static Duration FromMinutes(long minutes) => FromSeconds(checked(minutes * 60));

    public static Duration FromHours(long hours) => FromSeconds(checked(hours * 3600));

    public static Duration Min(Duration left, Duration right) => left.Microseconds <= right.Microseconds ? left : right;

    public static Duration Max(Duration left, Duration right) => left.Microseconds >= right.Microseconds ? left : right;

    public static Duration operator +(Duration left, Duration right) => new(left.Microseconds + right.Microseconds);

    public static Duration operator -(Duration left, Duration right) => new(left.Microseconds - right.Microseconds);

    public static bool operator ==(Duration left, Duration right) => left.Microseconds == right.Microseconds;

    public static bool operator !=(Duration left, Duration right) => left.Microseconds != right.Microseconds;

    public static bool operator <(Duration left, Duration right) => left.Microseconds < right.Microseconds;

    public static bool operator >(Duration left, Duration right) => left.Microseconds > right.Microseconds;

    public static bool operator <=(Duration left, Duration right) => left.Microseconds <= right.Microseconds;

    public static bool operator >=(Duration left, Duration right) => left.Microseconds >= right.Microseconds;

    public bool Equals(Duration other) => Microseconds == other.Microseconds;

    public override bool Equals(object? obj) => obj is Duration other && Equals(other);

    public override int GetHashCode() => Microseconds.GetHashCode();

    public int CompareTo(Duration other) => Microseconds.CompareTo(other.Microseconds);

    /// <summary>Exact seconds: an integer, or up to six decimals (microseconds), never rounded.</summary>
    public override string ToString()
    {
        if (this == MaxValue)
        {
            return "unbounded";
        }

        var whole = Microseconds / MicrosecondsPerSecond;
        var fraction = Math.Abs(Microseconds % MicrosecondsPerSecond);
        if (fraction == 0)
        {
            return whole.ToString(CultureInfo.InvariantCulture) + "s";
        }

        var sign = Microseconds < 0 && whole == 0 ? "-" : string.Empty;
        var decimals = fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        return $"{sign}{whole.ToString(CultureInfo.InvariantCulture)}.{decimals}s";
    }
}
