using Augur.Reports.Charts;

namespace Augur.Reports.Tests.Charts;

public sealed class CumulativeDistributionChartTests
{
    [Fact]
    public void Build_HandCase_GridIsTheDistinctFlooredValuesAndFractionsAreExact()
    {
        double[] waits = [0, 5, 5, 10, double.NaN];

        var chart = CumulativeDistributionChart.Build("wait-cdf", "CDF of wait", "wait (s)", 1, [("run", waits)]);

        // NaN left out, 0 floored to 1: sorted [1, 5, 5, 10]. 501 quantiles of 4 values hit every index
        // (round(q * 3 / 500)), so the grid is the distinct values 1, 5, 10.
        // At most 1: one of 4 = 0.25; at most 5: three of 4 = 0.75; at most 10: all = 1.
        Assert.Equal(new double[] { 1, 5, 10 }, chart.XValues);
        var series = Assert.Single(chart.Series);
        Assert.Equal("run", series.Label);
        Assert.Equal(SeriesStyle.Steps, series.Style);
        Assert.Equal(new[] { 0.25, 0.75, 1 }, series.Values);
        Assert.Equal("wait-cdf", chart.Id);
        Assert.True(chart.X.Logarithmic);
        Assert.Equal("wait (s)", chart.X.Label);
        Assert.Equal((0, 1), chart.Y.Range);
    }

    [Fact]
    public void Build_HandCase_NoteCountsTheFlooredValuesAndTheJobsThatNeverStarted()
    {
        double[] waits = [0, 5, 5, 10, double.NaN];

        var chart = CumulativeDistributionChart.Build("wait-cdf", "CDF of wait", "wait (s)", 1, [("run", waits)]);

        // One of the 4 started values (0) is under the floor: 1 / 4 = 25.0 %; one NaN = one job never started.
        Assert.Contains("exact at 501 quantiles of each run", chart.Note, StringComparison.Ordinal);
        Assert.Contains("25.0 % of the values are under 1 and drawn at 1", chart.Note, StringComparison.Ordinal);
        Assert.Contains("1 jobs that never started are left out", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NothingFlooredAndEveryJobStarted_NoteSaysNeither()
    {
        var chart = CumulativeDistributionChart.Build("wait-cdf", "CDF of wait", "wait (s)", 1, [("run", [1, 2, 3])]);

        Assert.DoesNotContain("drawn at", chart.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("never started", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FewerQuantilesThanValues_GridIsTheNearestRankQuantiles()
    {
        double[] values = [50, 10, 40, 20, 30];

        var chart = CumulativeDistributionChart.Build("c", "t", "x", 1, [("run", values)], quantiles: 3);

        // 3 quantiles of 5 sorted values [10, 20, 30, 40, 50]: indices round(q * 4 / 2) = 0, 2, 4, so x = 10, 30, 50
        // with exact fractions 1/5, 3/5, 5/5.
        Assert.Equal(new double[] { 10, 30, 50 }, chart.XValues);
        Assert.Equal(new[] { 0.2, 0.6, 1 }, chart.Series[0].Values);
    }

    [Fact]
    public void Build_QuantileIndexHalfway_RoundsAwayFromZero()
    {
        double[] values = [10, 20, 30, 40];

        var chart = CumulativeDistributionChart.Build("c", "t", "x", 1, [("run", values)], quantiles: 3);

        // Indices q * 3 / 2 = 0, 1.5, 3: the middle one rounds away from zero to 2, so x = 10, 30, 40
        // with fractions 1/4, 3/4, 4/4.
        Assert.Equal(new double[] { 10, 30, 40 }, chart.XValues);
        Assert.Equal(new[] { 0.25, 0.75, 1 }, chart.Series[0].Values);
    }

    [Fact]
    public void Build_TwoRuns_MergesTheirGridsAndGivesEachRunItsOwnFractions()
    {
        var chart = CumulativeDistributionChart.Build("c", "t", "x", 1, [("a", [2, 4]), ("b", [3])], quantiles: 2);

        // Run a's 2 quantiles are its values 2 and 4; run b's single value 3 gives 3 twice: grid 2, 3, 4.
        // Run a: at most 2 -> 1/2, at most 3 -> 1/2, at most 4 -> 2/2. Run b: 0, 1, 1.
        Assert.Equal(new double[] { 2, 3, 4 }, chart.XValues);
        Assert.Equal(["a", "b"], chart.Series.Select(series => series.Label));
        Assert.Equal(new[] { 0.5, 0.5, 1 }, chart.Series[0].Values);
        Assert.Equal(new double[] { 0, 1, 1 }, chart.Series[1].Values);
    }

    [Fact]
    public void Build_RunWithNoStartedJob_HasNaNEverywhereAndLeavesTheGridToTheOthers()
    {
        var chart = CumulativeDistributionChart.Build("c", "t", "x", 1, [("a", [7]), ("none", [double.NaN, double.NaN])]);

        Assert.Equal(new double[] { 7 }, chart.XValues);
        Assert.Equal(new double[] { 1 }, chart.Series[0].Values);
        Assert.True(double.IsNaN(Assert.Single(chart.Series[1].Values)));
        Assert.Contains("2 jobs that never started are left out", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoStartedJobAtAll_HasNoData()
    {
        var chart = CumulativeDistributionChart.Build("c", "t", "x", 1, [("none", [double.NaN])]);

        Assert.Empty(chart.XValues);
        Assert.False(chart.HasData);
    }

    [Fact]
    public void Build_FloorNotPositiveOrOneQuantile_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CumulativeDistributionChart.Build("c", "t", "x", 0, [("a", [1])]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CumulativeDistributionChart.Build("c", "t", "x", 1, [("a", [1])], quantiles: 1));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(2.5, 3)]
    [InlineData(3, 4)]
    [InlineData(99, 4)]
    public void CountAtMost_SortedValues_CountsTiesAsAtMost(double x, int expected)
    {
        double[] values = [1, 2, 2, 3];

        var count = CumulativeDistributionChart.CountAtMost(values, x);

        // [1, 2, 2, 3]: nothing <= 0; 1 <= 1; 1, 2, 2 <= 2 and <= 2.5; all four <= 3.
        Assert.Equal(expected, count);
    }

    [Fact]
    public void CountAtMost_NoValues_IsZero()
    {
        Assert.Equal(0, CumulativeDistributionChart.CountAtMost([], 5));
    }
}
