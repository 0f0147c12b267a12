using Augur.Reports.Charts;
using Augur.Reports.Runs;

namespace Augur.Reports.Tests.Charts;

public sealed class PredictionChartTests
{
    [Fact]
    public void Build_TableWithoutPredictions_IsNull()
    {
        var table = new JobTable("jobs.csv", [JobRows.Started(0, 0, 100)], HasUsers: true, HasPredictions: false);

        var chart = PredictionChart.Build(table);

        Assert.Null(chart);
    }

    [Theory]
    [InlineData(4, new[] { 0, 3, 6, 9 })]
    [InlineData(3, new[] { 0, 4, 8 })]
    [InlineData(5, new[] { 0, 2, 4, 6, 8 })]
    [InlineData(10, new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(100, new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    public void Build_MoreJobsThanPoints_TakesEveryKthJobWithTheSmallestStrideThatFits(int maximumPoints, int[] expectedJobs)
    {
        // Job i ran 1,000 - 100 i s and was predicted twice that: later jobs are shorter.
        var jobs = Enumerable.Range(0, 10).Select(i => JobRows.Started(0, 0, 1000 - (100 * i), predicted: 2 * (1000 - (100 * i)))).ToArray();
        var table = new JobTable("jobs.csv", jobs, HasUsers: false, HasPredictions: true);

        var chart = PredictionChart.Build(table, maximumPoints);

        // Stride ceil(10 / m): 4 -> 3 (jobs 0, 3, 6, 9), 3 -> 4, 5 -> 2, 10 and more -> 1. Drawn sorted by actual
        // run time, which is ascending in reverse job order.
        Assert.NotNull(chart);
        var actual = expectedJobs.Select(i => 1000.0 - (100 * i)).Order().ToArray();
        Assert.Equal(actual, chart.XValues);
        Assert.Equal(actual.Select(run => 2 * run).ToArray(), chart.Series[0].Values);
    }

    [Fact]
    public void Build_StrideThree_NoteSaysHowManyOfHowManyAreDrawn()
    {
        var jobs = Enumerable.Range(0, 10).Select(i => JobRows.Started(0, 0, 100, predicted: 50)).ToArray();
        var table = new JobTable("jobs.csv", jobs, HasUsers: false, HasPredictions: true);

        var chart = PredictionChart.Build(table, maximumPoints: 4);

        // ceil(10 / 4) = 3: jobs 0, 3, 6, 9, so 4 of 10 drawn.
        Assert.NotNull(chart);
        Assert.StartsWith("Every 3rd of", chart.Note, StringComparison.Ordinal);
        Assert.Contains("of 10 started jobs with an estimate (4 drawn)", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnboundedAndNeverStartedJobs_AreLeftOutBeforeSampling()
    {
        JobRow[] jobs =
        [
            JobRows.Started(0, 0, 20, predicted: 30),
            JobRows.Started(0, 0, 500, predicted: -1),
            JobRows.NeverStarted(0, predicted: 50),
            JobRows.Started(0, 0, 20, predicted: 10),
            JobRows.Started(0, 0, 0, predicted: 0.5),
        ];
        var table = new JobTable("jobs.csv", jobs, HasUsers: false, HasPredictions: true);

        var chart = PredictionChart.Build(table, maximumPoints: 3);

        // Three jobs have an estimate and a run time, so 3 points fit (stride 1). The one that ran 0 s and was
        // predicted 0.5 s is drawn at (1, 1). Sorted by actual, then by predicted: (1, 1), (20, 10), (20, 30).
        Assert.NotNull(chart);
        Assert.Equal(new double[] { 1, 20, 20 }, chart.XValues);
        Assert.Equal(new double[] { 1, 10, 30 }, chart.Series[0].Values);
        Assert.StartsWith("All 3 started jobs with an estimate", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Predictions_AddsTheLineYEqualsXOnLogarithmicAxes()
    {
        JobRow[] jobs = [JobRows.Started(0, 0, 300, predicted: 600), JobRows.Started(0, 0, 60, predicted: 30)];
        var table = new JobTable("jobs.csv", jobs, HasUsers: false, HasPredictions: true);

        var chart = PredictionChart.Build(table);

        Assert.NotNull(chart);
        Assert.Equal("predicted-vs-actual", chart.Id);
        Assert.True(chart.X.Logarithmic);
        Assert.True(chart.Y.Logarithmic);
        Assert.Equal(2, chart.Series.Count);
        Assert.Equal(SeriesStyle.Points, chart.Series[0].Style);
        Assert.Equal("perfect (y = x)", chart.Series[1].Label);
        Assert.Equal(SeriesStyle.Line, chart.Series[1].Style);
        Assert.Equal(new double[] { 60, 300 }, chart.Series[1].Values);
        Assert.Equal(new double[] { 30, 600 }, chart.Series[0].Values);
    }

    [Theory]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(112, "112th")]
    public void Ordinal_Stride_ReadsAsEnglish(int number, string expected)
    {
        Assert.Equal(expected, PredictionChart.Ordinal(number));
    }
}
