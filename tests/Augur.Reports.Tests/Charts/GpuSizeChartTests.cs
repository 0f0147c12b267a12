using Augur.Reports.Charts;
using Augur.Reports.Runs;

namespace Augur.Reports.Tests.Charts;

public sealed class GpuSizeChartTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(0, 1000, -1L)]
    [InlineData(1, 500, 0L)]
    [InlineData(1, 1000, 1L)]
    [InlineData(2, 1000, 2L)]
    [InlineData(3, 1000, 4L)]
    [InlineData(8, 1000, 8L)]
    [InlineData(9, 1000, 9L)]
    [InlineData(128, 1000, 9L)]
    public void GroupOf_Gpus_IsNoneAShareAPowerOfTwoOrMore(int gpus, int milli, long expected)
    {
        Assert.Equal(expected, GpuSizeChart.GroupOf(GpuJobRows.Finished(0, 0, 1, gpus, milli)));
    }

    [Fact]
    public void Build_Groups_GiveTheMeanAndMedianJctInHours()
    {
        GpuJobRow[] jobs =
        [
            GpuJobRows.Finished(submit: 0, start: 0, end: 3_600, gpus: 1),
            GpuJobRows.Finished(submit: 100, start: 200, end: 7_300, gpus: 1),
            GpuJobRows.Finished(submit: 0, start: 0, end: 36_000, gpus: 4),
            GpuJobRows.Finished(submit: 0, start: 0, end: 0, gpus: 3),
            GpuJobRows.Finished(submit: 0, start: 0, end: 360, gpus: 16),
            GpuJobRows.Finished(submit: 0, start: 0, end: 1_800, gpus: 1, milli: 500),
            GpuJobRows.NeverFinished(submit: 0, start: 0, gpus: 2),
            GpuJobRows.NeverStarted(submit: 0, gpus: 2),
        ];

        var chart = GpuSizeChart.Build(jobs);

        // share: JCT 1,800 s = 0.5 h. "1": 3,600 and 7,200 s: mean and median 1.5 h. "3-4": 0 and 36,000 s: mean
        // and median 5 h. "more than 8": 360 s = 0.1 h. The 2-GPU jobs never finished: no "2" group.
        Assert.Equal("jct-by-gpus", chart.Id);
        Assert.Equal(["share of 1", "1", "3-4", "more than 8"], chart.X.Categories);
        Assert.Equal(["1 jobs", "2 jobs", "2 jobs", "1 jobs"], chart.X.CategoryDetails);
        Assert.Equal("JCT (h)", chart.Y.Label);
        Assert.Equal(["mean JCT", "median JCT"], chart.Series.Select(series => series.Label));
        double[] expected = [0.5, 1.5, 5, 0.1];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], chart.Series[0].Values[i], Tolerance);
            Assert.Equal(expected[i], chart.Series[1].Values[i], Tolerance);
        }

        // Bars start at 0; the axis ends 5 % above the largest value, 5 h.
        Assert.Equal(0, chart.Y.Range!.Value.Minimum);
        Assert.Equal(5.25, chart.Y.Range!.Value.Maximum, Tolerance);
    }
}
