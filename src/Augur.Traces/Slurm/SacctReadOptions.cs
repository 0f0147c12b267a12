namespace Augur.Traces.Slurm;

/// <summary>How to read sacct output: strict by default, like SWF; timestamps in the site's time zone.</summary>
public sealed record SacctReadOptions
{
    public static SacctReadOptions Strict { get; } = new();

    /// <summary>Skip bad records and count them by reason instead of stopping at the first.</summary>
    public bool Lenient { get; init; }

    /// <summary>The time zone sacct printed its local timestamps in (the site's); UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
}
