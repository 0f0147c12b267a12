using Augur.Core.Resources;

namespace Augur.Core.Tests.Resources;

public sealed class GpuRequestTests
{
    [Fact]
    public void Whole_FourGpus_IsAGangOfWholeGpus()
    {
        var request = GpuRequest.Whole(4);

        Assert.Equal(1000, request.GpuMilli);
        Assert.False(request.IsFractional);

        // 4 GPUs x 1000 milli.
        Assert.Equal(4000, request.TotalGpuMilli);
    }

    [Fact]
    public void Fraction_460Milli_IsFractional()
    {
        var request = GpuRequest.Fraction(460);

        Assert.True(request.IsFractional);
        Assert.Equal(460, request.TotalGpuMilli);
    }

    [Theory]
    [InlineData(2, 500)]
    [InlineData(0, 100)]
    [InlineData(1, 0)]
    [InlineData(1, 1001)]
    public void Constructor_InconsistentShare_Throws(int gpus, int milli)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GpuRequest(gpus, milli));
    }
}
