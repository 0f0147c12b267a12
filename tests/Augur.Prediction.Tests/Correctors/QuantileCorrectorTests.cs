using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Correctors;
using PointPrediction = Augur.Core.Prediction.Prediction;

namespace Augur.Prediction.Tests.Correctors;

public sealed class QuantileCorrectorTests
{
    private static readonly PointPrediction WithQuantiles = PointPrediction.WithQuantiles(100, 50, 150, 300);

    [Theory]
    [InlineData(100, 150)] // below the median: the median
    [InlineData(149, 150)]
    [InlineData(150, 300)] // at the median: the 90th percentile
    [InlineData(299, 300)]
    [InlineData(300, 1000)] // at the 90th percentile: the request
    [InlineData(700, 1000)]
    public void Correct_WithQuantiles_NextQuantileBeyondTheEstimateThenTheRequest(long current, long expected)
    {
        var corrected = new QuantileCorrector().Correct(Request(Job(1000), WithQuantiles, current));

        Assert.Equal(Duration.FromSeconds(expected), corrected);
    }

    [Fact]
    public void Correct_WithoutQuantiles_GivesTheRequest()
    {
        var corrected = new QuantileCorrector().Correct(Request(Job(1000), PointPrediction.Of(100), 100));

        Assert.Equal(Duration.FromSeconds(1000), corrected);
    }

    [Fact]
    public void Correct_MedianBeyondTheRequest_GivesTheRequest()
    {
        var corrected = new QuantileCorrector().Correct(Request(Job(120), WithQuantiles, 100));

        Assert.Equal(Duration.FromSeconds(120), corrected);
    }

    [Fact]
    public void Correct_FractionalMedian_KeepsMicroseconds()
    {
        var prediction = PointPrediction.WithQuantiles(10, 5, 12.5, 40);

        var corrected = new QuantileCorrector().Correct(Request(Job(1000), prediction, 10));

        Assert.Equal(new Duration(12_500_000), corrected);
    }

    [Fact]
    public void Correct_ThroughTheEstimator_SequenceIsMedianNinetiethRequest()
    {
        var estimator = new RunTimeEstimator(new FixedRunTimePredictor(WithQuantiles), new QuantileCorrector());
        var job = Job(1000);
        var current = estimator.Estimate(job, default, out var prediction);
        var estimates = new List<long> { current.WholeSeconds };
        for (var k = 0; k < 3; k++)
        {
            current = estimator.Correct(new CorrectionRequest(job, prediction, Duration.FromSeconds(100), current, k));
            estimates.Add(current.WholeSeconds);
        }

        Assert.Equal([100L, 150, 300, 1000], estimates);
    }

    [Fact]
    public void Id_IsCorrectorQuantile()
    {
        Assert.Equal("corrector/quantile", new QuantileCorrector().Id);
    }

    private static JobRequest Job(long requestedSeconds) => new(0, 1, Instant.Zero, 1, Duration.FromSeconds(requestedSeconds));

    private static CorrectionRequest Request(JobRequest job, PointPrediction prediction, long current) =>
        new(job, prediction, Duration.FromSeconds(100), Duration.FromSeconds(current), 0);
}
