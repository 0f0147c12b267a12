using Augur.Policies.Gpu;

namespace Augur.Policies.Tests.Gpu;

public sealed class TiresiasPolicyTests
{
    [Theory]
    [InlineData(new[] { 0.0 })]
    [InlineData(new[] { 100.0, 100.0 })]
    [InlineData(new[] { 200.0, 100.0 })]
    public void Constructor_ThresholdsNotPositiveAndIncreasing_Throws(double[] thresholds)
    {
        Assert.Throws<ArgumentException>(() => new TiresiasPolicy(thresholds));
    }

    [Fact]
    public void Catalogue_Tiresias_NeedsNoPrediction()
    {
        var policy = GpuPolicyCatalogue.Create("gpu/tiresias");

        Assert.Equal("gpu/tiresias", policy.Id);
        Assert.False(policy.NeedsPredictions);
    }
}
