using Augur.Reports.Charts;
using Augur.Reports.Gpu;

namespace Augur.Reports.Tests.Charts;

public sealed class GpuUserChartTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Build_ThreeUsers_SharesOfGpuTimeAndEnergyMostFirst()
    {
        GpuUserUsage[] users = [new("b", 100, 25_000), new("c", 0, 0), new("a", 410, 102_500)];

        var chart = GpuUserChart.Build(users, "virtual cluster");

        // GPU time: 510 s in all: a 410 / 510, b 100 / 510, c 0. Energy: 127,500 J: a 102,500 / 127,500, b 25,000 / 127,500.
        Assert.NotNull(chart);
        Assert.Equal("GPU time and energy by virtual cluster (top 20)", chart.Title);
        Assert.Equal(["a", "b", "c"], chart.X.Categories);
        Assert.Equal(410.0 / 510, chart.Series[0].Values[0], Tolerance);
        Assert.Equal(100.0 / 510, chart.Series[0].Values[1], Tolerance);
        Assert.Equal(0, chart.Series[0].Values[2]);
        Assert.Equal(102_500.0 / 127_500, chart.Series[1].Values[0], Tolerance);
        Assert.Equal(25_000.0 / 127_500, chart.Series[1].Values[1], Tolerance);
        Assert.Equal(["GPU time", "energy"], chart.Series.Select(series => series.Label));

        // 410 s = 0.11 GPU-h; 102,500 J = 0.028 kWh.
        Assert.Equal("0.1 GPU-h, 0.0 kWh", chart.X.CategoryDetails![0]);
    }

    [Fact]
    public void Build_MoreThanTwentyUsers_KeepsTheTwentyWithTheMostGpuTime()
    {
        var users = Enumerable.Range(1, 25).Select(i => new GpuUserUsage($"u{i}", i * 3600, i)).ToArray();

        var chart = GpuUserChart.Build(users);

        // u25 (25 GPU-h) down to u6 (6 GPU-h); u1-u5 are left out.
        Assert.NotNull(chart);
        Assert.Equal(20, chart.X.Categories!.Count);
        Assert.Equal("u25", chart.X.Categories[0]);
        Assert.Equal("u6", chart.X.Categories[19]);
        Assert.StartsWith("The top 20 of 25 by GPU time", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoUsersOrOneWithoutAName_IsNull()
    {
        Assert.Null(GpuUserChart.Build([]));
        Assert.Null(GpuUserChart.Build([new GpuUserUsage(string.Empty, 100, 100)]));
        Assert.False(GpuUserChart.HasUsers([new GpuUserUsage(string.Empty, 100, 100)]));
    }
}
