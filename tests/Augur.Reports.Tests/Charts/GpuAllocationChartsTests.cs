using Augur.Reports.Charts;
using Augur.Reports.Runs;

namespace Augur.Reports.Tests.Charts;

public sealed class GpuAllocationChartsTests
{
    private const double Tolerance = 1e-12;

    private const double Day = 86_400;

    private static readonly GpuAllocationRow[] Rows =
    [
        new(0, 10, 2, 0, 500),
        new(10, 30, 4, 1, 1000),
        new(30, 40, 0, 0, 200),
    ];

    [Fact]
    public void Build_ThreeIntervals_OnePointEachWithFreeTheRest()
    {
        var chart = GpuAllocationCharts.Build(Rows, gpus: 4, origin: 0);

        // Midpoints 5, 20 and 35 s, in days; free = 4 − allocated.
        Assert.Equal("gpu-allocation", chart.Id);
        Assert.Equal(new[] { 5 / Day, 20 / Day, 35 / Day }, chart.XValues);
        Assert.Equal(["allocated", "free", "fragmented"], chart.Series.Select(series => series.Label));
        Assert.Equal(new double[] { 2, 4, 0 }, chart.Series[0].Values);
        Assert.Equal(new double[] { 2, 0, 4 }, chart.Series[1].Values);
        Assert.Equal(new double[] { 0, 1, 0 }, chart.Series[2].Values);
        Assert.Equal((0, 4), chart.Y.Range);
    }

    [Fact]
    public void Build_MoreRowsThanPoints_MergesThemIntoTimeWeightedMeans()
    {
        var chart = GpuAllocationCharts.Build(Rows, gpus: 4, origin: 10, maximumPoints: 2);

        // Two rows per point: 0-30 s holds 2 GPUs for 10 s and 4 for 20 s: 100 / 30; fragmented 20 / 30. The
        // last point is the last row alone. x: midpoints 15 and 35 s, less the origin 10 s.
        Assert.Equal(2, chart.XValues.Count);
        Assert.Equal(5 / Day, chart.XValues[0], Tolerance);
        Assert.Equal(25 / Day, chart.XValues[1], Tolerance);
        Assert.Equal(100.0 / 30, chart.Series[0].Values[0], Tolerance);
        Assert.Equal(4 - (100.0 / 30), chart.Series[1].Values[0], Tolerance);
        Assert.Equal(20.0 / 30, chart.Series[2].Values[0], Tolerance);
        Assert.Equal(0, chart.Series[0].Values[1]);
        Assert.StartsWith("Over 2 intervals of 20 s from gpu_allocation.csv (each 2 of its 3 rows merged)", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Waiting_RowsWithWaitingJobs_TimeWeightedMeansPerPoint()
    {
        GpuAllocationRow[] rows = [new(0, 10, 2, 0, 500, 1, 0), new(10, 30, 4, 1, 1000, 4, 2), new(30, 40, 0, 0, 200, 0, 1)];

        var chart = GpuAllocationCharts.Waiting(rows, origin: 0, maximumPoints: 2);

        // Two rows per point: (1 x 10 + 4 x 20) / 30 = 3; then the last row's 0.
        Assert.NotNull(chart);
        Assert.Equal("gpu-waiting", chart.Id);
        Assert.Equal(3, chart.Series[0].Values[0], Tolerance);
        Assert.Equal(0, chart.Series[0].Values[1]);
    }

    [Fact]
    public void Preemptions_RowsWithPreemptions_SumsThemPerPoint()
    {
        GpuAllocationRow[] rows = [new(0, 10, 2, 0, 500, 1, 0), new(10, 30, 4, 1, 1000, 4, 2), new(30, 40, 0, 0, 200, 0, 1)];

        var chart = GpuAllocationCharts.Preemptions(rows, origin: 0, maximumPoints: 2);

        // 0 + 2 in the first point, 1 in the second; 3 in all.
        Assert.NotNull(chart);
        Assert.Equal("gpu-preemptions", chart.Id);
        Assert.Equal(new double[] { 2, 1 }, chart.Series[0].Values);
        Assert.Contains("(3 in all)", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitingAndPreemptions_FileWithoutTheColumnsOrARunWithoutPreemptions_AreNull()
    {
        // Rows as read from a file written before the columns existed: NaN and -1.
        Assert.Null(GpuAllocationCharts.Waiting(Rows, origin: 0));
        Assert.Null(GpuAllocationCharts.Preemptions(Rows, origin: 0));

        // A policy that never preempts: no chart of nothing.
        Assert.Null(GpuAllocationCharts.Preemptions([new(0, 10, 2, 0, 500, 1, 0)], origin: 0));
    }

    [Fact]
    public void Build_NoRows_HasNothingToDraw()
    {
        var chart = GpuAllocationCharts.Build([], gpus: 4, origin: 0);

        Assert.Empty(chart.XValues);
        Assert.False(chart.HasData);
    }
}
