using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Correctors;
using PointPrediction = Augur.Core.Prediction.Prediction;

namespace Augur.Prediction.Tests.Correctors;

public sealed class RequestCorrectorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(20)]
    public void Correct_AnyExpiry_GivesTheRequest(int correctionsSoFar)
    {
        var job = new JobRequest(0, 1, Instant.Zero, 1, Duration.FromSeconds(777));
        var request = new CorrectionRequest(job, PointPrediction.Of(100), Duration.FromSeconds(100), Duration.FromSeconds(160), correctionsSoFar);

        Assert.Equal(Duration.FromSeconds(777), new RequestCorrector().Correct(request));
    }

    [Fact]
    public void Correct_NoRequest_IsUnbounded()
    {
        var job = new JobRequest(0, 1, Instant.Zero, 1, null);
        var request = new CorrectionRequest(job, PointPrediction.Of(100), Duration.FromSeconds(100), Duration.FromSeconds(100), 0);

        Assert.Equal(Duration.MaxValue, new RequestCorrector().Correct(request));
        Assert.Equal("corrector/request", new RequestCorrector().Id);
    }
}
