using Augur.Core.Clusters;

namespace Augur.Core.Tests.Clusters;

public sealed class GpuPowerModelTests
{
    [Theory]
    [InlineData("V100M32", 300)]
    [InlineData("V100M16", 300)]
    [InlineData("P100", 250)]
    [InlineData("T4", 70)]
    [InlineData("A10", 150)]
    public void For_ModelWithVendorTdp_FullLoadIsTheTdpAndIdleAFifth(string model, double tdp)
    {
        var power = GpuPowerModel.Default.For(model);

        Assert.Equal(tdp, power.MaxWatts);
        Assert.Equal(tdp / 5, power.IdleWatts, 9);
        Assert.True(GpuPowerModel.HasVendorFigure(model));
    }

    [Theory]
    [InlineData("G2")]
    [InlineData("gpu")]
    public void For_ModelWithoutVendorFigure_GetsTheFallback(string model)
    {
        Assert.Equal(new GpuPower(50, 250), GpuPowerModel.Default.For(model));
        Assert.False(GpuPowerModel.HasVendorFigure(model));
    }

    [Fact]
    public void For_Override_WinsOverTheDefault()
    {
        var model = new GpuPowerModel(new Dictionary<string, GpuPower> { ["T4"] = new(10, 75) });

        Assert.Equal(new GpuPower(10, 75), model.For("T4"));
        Assert.Equal(300, model.For("V100M32").MaxWatts);
    }

    [Theory]
    [InlineData(-1, 100)]
    [InlineData(100, 50)]
    [InlineData(double.NaN, 100)]
    [InlineData(10, double.PositiveInfinity)]
    public void Constructor_NegativeOrMaxBelowIdle_Throws(double idle, double max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GpuPower(idle, max));
    }
}
