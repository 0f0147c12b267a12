using Augur.Core.Prediction;
using PointPrediction = Augur.Core.Prediction.Prediction;

namespace Augur.Core.Tests.Prediction;

public sealed class PredictionAccuracyTests
{
    [Fact]
    public void Metrics_NoPredictions_AreNaN()
    {
        var accuracy = new PredictionAccuracy();

        Assert.Equal(0, accuracy.Count);
        Assert.True(double.IsNaN(accuracy.MeanAbsoluteError));
        Assert.True(double.IsNaN(accuracy.MedianAbsoluteError));
        Assert.True(double.IsNaN(accuracy.UnderPredictionRate));
        Assert.True(double.IsNaN(accuracy.MeanAccuracy));
        Assert.True(double.IsNaN(accuracy.IntervalCoverage));
    }

    [Fact]
    public void Metrics_FourPredictions_MatchHandComputedValues()
    {
        // (predicted, actual): (100, 80), (50, 100), (0, 0), (30, 30).
        // Absolute errors 20, 50, 0, 0: mean 70 / 4 = 17.5; sorted 0 0 20 50, median (0 + 20) / 2 = 10.
        // Under-predicted: only 50 < 100, so 1 / 4.
        // Accuracy min/max: 80/100 = 0.8, 50/100 = 0.5, 0/0 counts as 1, 30/30 = 1: mean 3.3 / 4 = 0.825.
        // Intervals: [70, 90] holds 80; [60, 90] misses 100; the others have none: coverage 1 / 2.
        var accuracy = new PredictionAccuracy();
        accuracy.Add(100, 80, PointPrediction.WithQuantiles(100, 70, 85, 90));
        accuracy.Add(50, 100, PointPrediction.WithQuantiles(50, 60, 70, 90));
        accuracy.Add(0, 0, PointPrediction.Of(0));
        accuracy.Add(30, 30, PointPrediction.Of(30));

        Assert.Equal(4, accuracy.Count);
        Assert.Equal(17.5, accuracy.MeanAbsoluteError, 12);
        Assert.Equal(10, accuracy.MedianAbsoluteError, 12);
        Assert.Equal(0.25, accuracy.UnderPredictionRate, 12);
        Assert.Equal(0.825, accuracy.MeanAccuracy, 12);
        Assert.Equal(0.5, accuracy.IntervalCoverage, 12);
    }

    [Fact]
    public void MedianAbsoluteError_OddCount_IsTheMiddleError()
    {
        // Errors 20, 50, 0, 0, 30: sorted 0 0 20 30 50, median 20 (not the mean of two).
        var accuracy = new PredictionAccuracy();
        accuracy.Add(100, 80, PointPrediction.Of(100));
        accuracy.Add(50, 100, PointPrediction.Of(50));
        accuracy.Add(0, 0, PointPrediction.Of(0));
        accuracy.Add(30, 30, PointPrediction.Of(30));
        accuracy.Add(10, 40, PointPrediction.Of(10));

        Assert.Equal(20, accuracy.MedianAbsoluteError, 12);
        Assert.Equal(100.0 / 5, accuracy.MeanAbsoluteError, 12);
        Assert.Equal(2.0 / 5, accuracy.UnderPredictionRate, 12);
    }

    [Fact]
    public void MeanAccuracy_PredictedZeroForAPositiveRun_CountsZero()
    {
        // min(0, 10) / max(0, 10) = 0; only 0/0 is defined as 1.
        var accuracy = new PredictionAccuracy();
        accuracy.Add(0, 10, PointPrediction.Of(0));
        accuracy.Add(40, 10, PointPrediction.Of(40));

        Assert.Equal((0 + 0.25) / 2, accuracy.MeanAccuracy, 12);
        Assert.Equal(0.5, accuracy.UnderPredictionRate, 12);
    }

    [Fact]
    public void IntervalCoverage_TruthOnTheBounds_CountsAsInside()
    {
        var accuracy = new PredictionAccuracy();
        accuracy.Add(50, 40, PointPrediction.WithQuantiles(50, 40, 50, 60)); // actual == p10
        accuracy.Add(50, 60, PointPrediction.WithQuantiles(50, 40, 50, 60)); // actual == p90
        accuracy.Add(50, 60.5, PointPrediction.WithQuantiles(50, 40, 50, 60)); // just above p90
        accuracy.Add(50, 39.5, PointPrediction.WithQuantiles(50, 40, 50, 60)); // just below p10

        Assert.Equal(0.5, accuracy.IntervalCoverage, 12);
    }

    [Fact]
    public void IntervalCoverage_NoPredictionWithQuantiles_IsNaNWhileOtherMetricsAreDefined()
    {
        var accuracy = new PredictionAccuracy();
        accuracy.Add(10, 20, PointPrediction.Of(10));

        Assert.True(double.IsNaN(accuracy.IntervalCoverage));
        Assert.Equal(10, accuracy.MeanAbsoluteError, 12);
        Assert.Equal(0.5, accuracy.MeanAccuracy, 12);
    }
}
