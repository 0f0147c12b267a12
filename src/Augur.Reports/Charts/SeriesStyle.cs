namespace Augur.Reports.Charts;

/// <summary>How a series is drawn (docs/reports.md).</summary>
public enum SeriesStyle
{
    /// <summary>Straight segments between points.</summary>
    Line,

    /// <summary>A step function: the value holds until the next point (CDFs).</summary>
    Steps,

    /// <summary>One bar per x category.</summary>
    Bars,

    /// <summary>Unconnected points (a scatter).</summary>
    Points,
}
