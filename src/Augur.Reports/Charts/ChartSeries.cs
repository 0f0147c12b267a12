namespace Augur.Reports.Charts;

/// <summary>One series: a y value for every x of its chart (NaN where it has none) and how it is drawn.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double> Values, SeriesStyle Style);
