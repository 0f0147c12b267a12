namespace Augur.IntegrationTests.Reports;

/// <summary>What a report page drew in the browser, and what went wrong there.</summary>
public sealed record RenderedReport(ReportStatus Status, IReadOnlyList<RenderedChart> Charts, IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> OutsideRequests)
{
    /// <summary>Fails with every problem named: a chart not drawn or without data on its canvas, console errors, requests off the file.</summary>
    public void AssertEveryChartDrawn(int expectedCharts)
    {
        Assert.Empty(ConsoleErrors);
        Assert.Empty(OutsideRequests);
        Assert.Empty(Status.Failed);
        Assert.Empty(Status.Empty);
        Assert.Equal(expectedCharts, Status.Charts);
        Assert.Equal(expectedCharts, Status.Drawn);
        Assert.Equal(expectedCharts, Charts.Count);
        foreach (var chart in Charts)
        {
            Assert.True(chart.ColouredPixels > 50, $"chart {chart.Id}: only {chart.ColouredPixels} coloured pixels in its plot area");
            Assert.True(chart.SeriesWithData > 0 || chart.Id == "schedule", $"chart {chart.Id}: no series has data");
            if (chart.Id != "schedule")
            {
                // Every series drew in its own colour: 10 pixels at least (a short CDF or a single bar has dozens).
                Assert.All(chart.SeriesPixels, (pixels, series) => Assert.True(pixels >= 10, $"chart {chart.Id}: series {series + 1} has {pixels} pixels of its colour"));
            }
        }
    }

    public RenderedChart Chart(string id) => Charts.Single(chart => chart.Id == id);
}
