using System.Globalization;

namespace Augur.Core.Time;

/// <summary>
/// A point on a run's clock, in whole microseconds since the trace's origin (SWF's time zero, or the
/// Unix epoch for the live service). Virtual and wall clocks share this type so that policies cannot
/// tell them apart.
/// </summary>
public readonly struct Instant : IEquatable<Instant>, IComparable<Instant>
{
    public static readonly Instant Zero = new(0);

    /// <summary>Later than any event: the end of a job whose end nobody can know.</summary>
    public static readonly Instant MaxValue = new(long.MaxValue / 2);

    public Instant(long microseconds) => Microseconds = microseconds;

    public long Microseconds { get; }

    /// <summary>Whole seconds since the origin, truncated toward zero.</summary>
    public long WholeSeconds => Microseconds / Duration.MicrosecondsPerSecond;

    public static Instant FromSeconds(long seconds) => new(checked(seconds * Duration.MicrosecondsPerSecond));

    public static Instant Min(Instant left, Instant right) => left.Microseconds <= right.Microseconds ? left : right;

    public static Instant Max(Instant left, Instant right) => left.Microseconds >= right.Microseconds ? left : right;

    /// <summary>
    /// Adds a duration, saturating at <see cref="MaxValue"/>: never plus anything, and anything plus an
    /// unbounded duration (<see cref="Duration.MaxValue"/>), is never.
    /// </summary>
    public static Instant operator +(Instant instant, Duration duration)
    {
        if (instant.Microseconds >= MaxValue.Microseconds || duration.Microseconds >= Duration.MaxValue.Microseconds)
        {
            return MaxValue;
        }

        var sum = instant.Microseconds + duration.Microseconds;
        return sum >= MaxValue.Microseconds ? MaxValue : new Instant(sum);
    }

    public static Instant operator -(Instant instant, Duration duration) => new(instant.Microseconds - duration.Microseconds);

    public static Duration operator -(Instant left, Instant right) => new(left.Microseconds - right.Microseconds);

    public static bool operator ==(Instant left, Instant right) => left.Microseconds == right.Microseconds;

    public static bool operator !=(Instant left, Instant right) => left.Microseconds != right.Microseconds;

    public static bool operator <(Instant left, Instant right) => left.Microseconds < right.Microseconds;

    public static bool operator >(Instant left, Instant right) => left.Microseconds > right.Microseconds;

    public static bool operator <=(Instant left, Instant right) => left.Microseconds <= right.Microseconds;

    public static bool operator >=(Instant left, Instant right) => left.Microseconds >= right.Microseconds;

    public Instant Add(Duration duration) => this + duration;

    public bool Equals(Instant other) => Microseconds == other.Microseconds;

    public override bool Equals(object? obj) => obj is Instant other && Equals(other);

    public override int GetHashCode() => Microseconds.GetHashCode();

    public int CompareTo(Instant other) => Microseconds.CompareTo(other.Microseconds);

    public override string ToString() =>
        this == MaxValue ? "never" : "t+" + new Duration(Microseconds).ToString();
}
