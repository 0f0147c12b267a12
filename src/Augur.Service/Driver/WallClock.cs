using Augur.Core.Time;

namespace Augur.Service.Driver;

/// <summary>The core's <see cref="Instant"/> on the wall clock: microseconds since the Unix epoch.</summary>
public static class WallClock
{
    public static Instant Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return FromDateTime(time.GetUtcNow());
    }

    public static Instant FromDateTime(DateTimeOffset moment) => new((moment - DateTimeOffset.UnixEpoch).Ticks / 10);

    public static DateTimeOffset ToDateTime(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);
}
