using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Correctors;
using Augur.Prediction.Oracle;

namespace Augur.Prediction.Tests.Oracle;

public sealed class ClairvoyantPredictorTests
{
    [Fact]
    public void Predict_TrueRunTime_IsThePointAndTheOracleSaysSo()
    {
        var truth = new Dictionary<int, Duration> { [0] = Duration.FromSeconds(250), [1] = Duration.FromSeconds(7) };
        var predictor = new ClairvoyantPredictor(job => truth[job.Index]);

        Assert.Equal(250, predictor.Predict(Job(0, 1000), default).Point);
        Assert.Equal(7, predictor.Predict(Job(1, 1000), default).Point);
        Assert.True(predictor.IsOracle);
        Assert.Equal("predictor/clairvoyant", predictor.Id);
        Assert.Equal(PredictionTarget.RunTime, predictor.Target);
    }

    [Fact]
    public void Constructor_NoTruth_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new ClairvoyantPredictor(null!));
    }

    [Theory]
    [InlineData(250_000_000)]
    [InlineData(12_300_000)]
    [InlineData(1_000_001)]
    public void Estimate_TrueRunTime_PlansWithExactlyTheTruth(long runMicroseconds)
    {
        var estimator = new RunTimeEstimator(new ClairvoyantPredictor(_ => new Duration(runMicroseconds)), new RequestCorrector());

        Assert.Equal(new Duration(runMicroseconds), estimator.Estimate(Job(0, 1000), default, out _));
    }

    [Theory]
    [InlineData(8_300_000)]
    [InlineData(16_100_000)]
    [InlineData(1_000_007)]
    public void Estimate_FractionalSecondTrueRunTime_PlansWithExactlyTheTruth(long runMicroseconds)
    {
        // The oracle's prediction is truth.TotalSeconds; turning it back into microseconds must give the
        // truth, or the oracle plans 1 us past the true end (8.3 s: 8,300,001 us).
        var estimator = new RunTimeEstimator(new ClairvoyantPredictor(_ => new Duration(runMicroseconds)), new RequestCorrector());

        Assert.Equal(runMicroseconds, estimator.Estimate(Job(0, 1000), default, out _).Microseconds);
    }

    private static JobRequest Job(int index, long requested) =>
        new(index, index + 1, Instant.Zero, 1, Duration.FromSeconds(requested));
}
