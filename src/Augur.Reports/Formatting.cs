using System.Globalization;
using Augur.Core.Time;

namespace Augur.Reports;

/// <summary>Number formats shared by every output: invariant, exact for whole seconds, stable across machines.</summary>
public static class Formatting
{
    /// <summary>Seconds: an integer when whole, else up to six decimals (microseconds).</summary>
    public static string Seconds(Duration duration) =>
        duration.Microseconds % Duration.MicrosecondsPerSecond == 0
            ? duration.WholeSeconds.ToString(CultureInfo.InvariantCulture)
            : duration.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Seconds(Instant instant) => Seconds(new Duration(instant.Microseconds));

    /// <summary>A real number with up to six decimals.</summary>
    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
