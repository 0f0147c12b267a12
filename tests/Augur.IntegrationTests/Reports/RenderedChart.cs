namespace Augur.IntegrationTests.Reports;

/// <summary>
/// One chart as the browser drew it: series in its uPlot, those with a finite value, coloured pixels in its plot
/// area, and for each series the pixels of its own colour.
/// </summary>
public sealed record RenderedChart(string Id, int Series, int SeriesWithData, int ColouredPixels, bool Empty, int[] SeriesPixels);
