using Augur.Reports.Charts;

namespace Augur.Reports.Tests.Charts;

public sealed class ChartTests
{
    private static readonly ChartAxis Axis = new("x");

    [Fact]
    public void Constructor_SeriesWithAValueForEveryX_KeepsEverything()
    {
        var series = new ChartSeries("s", [1, 2], SeriesStyle.Line);

        var chart = new Chart("id-1", "Title", Axis, Axis, [10, 20], [series]);

        Assert.Equal("id-1", chart.Id);
        Assert.Equal("Title", chart.Title);
        Assert.Equal(new double[] { 10, 20 }, chart.XValues);
        Assert.Same(series, Assert.Single(chart.Series));
        Assert.Empty(chart.Rectangles);
        Assert.Equal(string.Empty, chart.Note);
    }

    [Fact]
    public void Constructor_SeriesWithTooFewValues_ThrowsNamingTheSeries()
    {
        var series = new ChartSeries("short", [1], SeriesStyle.Line);

        var error = Assert.Throws<ArgumentException>(() => new Chart("id", "t", Axis, Axis, [10, 20], [series]));

        Assert.StartsWith("series 'short' has 1 values for 2 x values", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_BlankId_Throws(string id)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Chart(id, "t", Axis, Axis, [], []));
    }

    [Fact]
    public void HasData_OnlyNaNValues_IsFalse()
    {
        var chart = new Chart("id", "t", Axis, Axis, [1, 2], [new ChartSeries("s", [double.NaN, double.NaN], SeriesStyle.Line)]);

        Assert.False(chart.HasData);
    }

    [Fact]
    public void HasData_OneFiniteValue_IsTrue()
    {
        var chart = new Chart("id", "t", Axis, Axis, [1, 2], [new ChartSeries("s", [double.NaN, 0], SeriesStyle.Line)]);

        Assert.True(chart.HasData);
    }

    [Fact]
    public void HasData_RectanglesWithoutSeriesValues_IsTrue()
    {
        var chart = new Chart("id", "t", Axis, Axis, [0, 1], [new ChartSeries("s", [double.NaN, double.NaN], SeriesStyle.Line)])
        {
            Rectangles = [new ChartRectangle(0, 1, 0, 1, 0)],
        };

        Assert.True(chart.HasData);
    }
}
