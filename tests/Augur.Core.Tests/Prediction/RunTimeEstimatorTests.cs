using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using PointPrediction = Augur.Core.Prediction.Prediction;

namespace Augur.Core.Tests.Prediction;

public sealed class RunTimeEstimatorTests
{
    private static readonly Duration OneSecond = Duration.FromSeconds(1);

    [Theory]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-5.0)]
    [InlineData(0.0)]
    [InlineData(0.2)]
    [InlineData(1.0)]
    public void Clamp_NegativeOrAtMostOneSecond_GivesOneSecond(double seconds)
    {
        Assert.Equal(OneSecond, RunTimeEstimator.Clamp(Job(requestedSeconds: 600), seconds));
    }

    [Theory]
    [InlineData(600.0)]
    [InlineData(600.000001)]
    [InlineData(1e9)]
    [InlineData(double.PositiveInfinity)]
    public void Clamp_AtOrAboveTheRequest_GivesTheRequest(double seconds)
    {
        Assert.Equal(Duration.FromSeconds(600), RunTimeEstimator.Clamp(Job(requestedSeconds: 600), seconds));
    }

    [Fact]
    public void Clamp_TwelvePointThreeSeconds_IsExactInMicroseconds()
    {
        Assert.Equal(12_300_000, RunTimeEstimator.Clamp(Job(requestedSeconds: 600), 12.3).Microseconds);
    }

    [Fact]
    public void Clamp_FractionalMicrosecond_RoundsUp()
    {
        // 1.5000005 s is 1,500,000.5 us: planned to the next whole microsecond, never shorter.
        Assert.Equal(1_500_001, RunTimeEstimator.Clamp(Job(requestedSeconds: 600), 1.5000005).Microseconds);
    }

    [Theory]
    [InlineData(8.3, 8_300_000)]
    [InlineData(16.1, 16_100_000)]
    [InlineData(1024.005, 1_024_005_000)]
    public void Clamp_DecimalSecondsWithWholeMicroseconds_IsExactInMicroseconds(double seconds, long expectedMicroseconds)
    {
        // Like 12.3 s, each of these is a whole number of microseconds; binary floating point must not add
        // one (8.3 * 1e6 is 8300000.000000001 in doubles, and Math.Ceiling makes it 8,300,001 us).
        Assert.Equal(expectedMicroseconds, RunTimeEstimator.Clamp(Job(requestedSeconds: 3600), seconds).Microseconds);
    }

    [Fact]
    public void Clamp_NoRequest_AllowsAnyLength()
    {
        var job = Job(requestedSeconds: null);

        Assert.Equal(Duration.FromSeconds(10_000_000), RunTimeEstimator.Clamp(job, 1e7));
        Assert.Equal(Duration.MaxValue, RunTimeEstimator.Clamp(job, double.NaN));
        Assert.Equal(Duration.MaxValue, RunTimeEstimator.Clamp(job, double.PositiveInfinity));
    }

    [Fact]
    public void Clamp_RequestShorterThanOneSecond_GivesTheRequest()
    {
        var job = new JobRequest(0, 1, Instant.Zero, 1, new Duration(400_000));

        Assert.Equal(new Duration(400_000), RunTimeEstimator.Clamp(job, double.NaN));
        Assert.Equal(new Duration(400_000), RunTimeEstimator.Clamp(job, 0.2));
    }

    [Fact]
    public void Clamp_NoEstimate_GivesTheRequest()
    {
        Assert.Equal(Duration.FromSeconds(3600), RunTimeEstimator.Clamp(Job(requestedSeconds: 3600), PointPrediction.None.Point));
    }

    [Fact]
    public void Estimate_Prediction_IsReturnedUnclampedAndTheEstimateClamped()
    {
        var estimator = new RunTimeEstimator(new FixedPredictor(PointPrediction.Of(900)), new FixedCorrector(Duration.Zero));

        var estimate = estimator.Estimate(Job(requestedSeconds: 600), default, out var prediction);

        Assert.Equal(Duration.FromSeconds(600), estimate);
        Assert.Equal(900, prediction.Point);
    }

    [Fact]
    public void Constructor_MemoryPredictor_IsRejected()
    {
        var memory = new FixedPredictor(PointPrediction.Of(1024), PredictionTarget.Memory);

        var error = Assert.Throws<ArgumentException>(() => new RunTimeEstimator(memory, new FixedCorrector(Duration.Zero)));

        Assert.Equal("predictor", error.ParamName);
    }

    [Theory]
    [InlineData(50)] // shorter than the estimate the job has outlived
    [InlineData(100)] // equal to it: no estimate at all
    [InlineData(0)]
    public void Correct_AnswerNotBeyondTheCurrentEstimate_GivesTheRequest(long answerSeconds)
    {
        var estimator = new RunTimeEstimator(new FixedPredictor(PointPrediction.Of(100)), new FixedCorrector(Duration.FromSeconds(answerSeconds)));

        var corrected = estimator.Correct(Request(Job(requestedSeconds: 600), current: 100));

        Assert.Equal(Duration.FromSeconds(600), corrected);
    }

    [Fact]
    public void Correct_AnswerBeyondTheRequest_IsCappedByTheRequest()
    {
        var estimator = new RunTimeEstimator(new FixedPredictor(PointPrediction.Of(100)), new FixedCorrector(Duration.FromSeconds(5000)));

        Assert.Equal(Duration.FromSeconds(600), estimator.Correct(Request(Job(requestedSeconds: 600), current: 100)));
    }

    [Fact]
    public void Correct_AnswerBetweenEstimateAndRequest_IsKeptAndTheCorrectorSeesTheRequest()
    {
        var corrector = new FixedCorrector(Duration.FromSeconds(160));
        var estimator = new RunTimeEstimator(new FixedPredictor(PointPrediction.Of(100)), corrector);
        var request = Request(Job(requestedSeconds: 600), current: 100);

        Assert.Equal(Duration.FromSeconds(160), estimator.Correct(request));
        Assert.Equal(request, corrector.LastRequest);
    }

    [Fact]
    public void Correct_NoRequestAndAnswerNotBeyond_GivesTheUnboundedRequest()
    {
        var estimator = new RunTimeEstimator(new FixedPredictor(PointPrediction.Of(100)), new FixedCorrector(Duration.FromSeconds(10)));

        Assert.Equal(Duration.MaxValue, estimator.Correct(Request(Job(requestedSeconds: null), current: 100)));
    }

    private static JobRequest Job(long? requestedSeconds) =>
        new(0, 1, Instant.Zero, 1, requestedSeconds is { } r ? Duration.FromSeconds(r) : null);

    private static CorrectionRequest Request(JobRequest job, long current) =>
        new(job, PointPrediction.Of(100), Duration.FromSeconds(100), Duration.FromSeconds(current), 0);
}
