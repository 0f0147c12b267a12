namespace Augur.Reports.Charts;

/// <summary>The stretch of a run the schedule view shows, in hours since the run's first submission.</summary>
/// <param name="FromHours">Where the window starts.</param>
/// <param name="ToHours">Where it ends; after <paramref name="FromHours"/>.</param>
public readonly record struct ScheduleWindow(double FromHours, double ToHours)
{
    /// <summary>The window's length when none is given: one day.</summary>
    public const double DefaultHours = 24;

    /// <summary>Parses <c>FROM:TO</c> in hours (<c>24:48</c>); null with a reason when the text is not a window.</summary>
    public static ScheduleWindow? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var parts = text.Split(':');
        if (parts.Length != 2
            || !double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var from)
            || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var to)
            || !double.IsFinite(from) || !double.IsFinite(to))
        {
            error = $"'{text}' is not FROM:TO in hours (for example 24:48)";
            return null;
        }

        if (from < 0 || to <= from)
        {
            error = $"'{text}': the window must start at 0 h or later and end after it starts";
            return null;
        }

        return new ScheduleWindow(from, to);
    }
}
