namespace Augur.Reports.Charts;

/// <summary>
/// One chart of a report, as data: the page's script draws it with uPlot. Every series has one value per x
/// (<see cref="XValues"/>, ascending); a schedule view adds <see cref="Rectangles"/> on the same axes.
/// </summary>
public sealed class Chart
{
    public Chart(string id, string title, ChartAxis x, ChartAxis y, IReadOnlyList<double> xValues, IReadOnlyList<ChartSeries> series)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(xValues);
        ArgumentNullException.ThrowIfNull(series);
        foreach (var line in series)
        {
            if (line.Values.Count != xValues.Count)
            {
                throw new ArgumentException($"series '{line.Label}' has {line.Values.Count} values for {xValues.Count} x values", nameof(series));
            }
        }

        Id = id;
        Title = title;
        X = x;
        Y = y;
        XValues = xValues;
        Series = series;
    }

    /// <summary>The chart's element id in the page (letters, digits and dashes).</summary>
    public string Id { get; }

    public string Title { get; }

    /// <summary>What the reader needs to read the chart right: how its data were reduced, what is left out.</summary>
    public string Note { get; init; } = string.Empty;

    public ChartAxis X { get; }

    public ChartAxis Y { get; }

    public IReadOnlyList<double> XValues { get; }

    public IReadOnlyList<ChartSeries> Series { get; }

    public IReadOnlyList<ChartRectangle> Rectangles { get; init; } = [];

    /// <summary>True when there is something to draw.</summary>
    public bool HasData => Rectangles.Count > 0 || Series.Any(line => line.Values.Any(double.IsFinite));
}
