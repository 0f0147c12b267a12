using PointPrediction = Augur.Core.Prediction.Prediction;

namespace Augur.Core.Tests.Prediction;

public sealed class PredictionTests
{
    [Fact]
    public void Of_PointOnly_HasNoQuantilesAndNaNQuantiles()
    {
        var prediction = PointPrediction.Of(42.5);

        Assert.Equal(42.5, prediction.Point);
        Assert.False(prediction.HasQuantiles);
        Assert.True(double.IsNaN(prediction.P10));
        Assert.True(double.IsNaN(prediction.P50));
        Assert.True(double.IsNaN(prediction.P90));
    }

    [Fact]
    public void WithQuantiles_OrderedValues_KeepsThemAndHasQuantiles()
    {
        var prediction = PointPrediction.WithQuantiles(100, 50, 90, 300);

        Assert.True(prediction.HasQuantiles);
        Assert.Equal(100, prediction.Point);
        Assert.Equal(50, prediction.P10);
        Assert.Equal(90, prediction.P50);
        Assert.Equal(300, prediction.P90);
    }

    [Fact]
    public void WithQuantiles_AllEqual_IsAccepted()
    {
        var prediction = PointPrediction.WithQuantiles(7, 7, 7, 7);

        Assert.True(prediction.HasQuantiles);
        Assert.Equal(7, prediction.P10);
        Assert.Equal(7, prediction.P90);
    }

    [Theory]
    [InlineData(60, 50, 300)] // p10 > p50
    [InlineData(10, 400, 300)] // p50 > p90
    [InlineData(500, 100, 300)] // p10 > p90
    public void WithQuantiles_Unordered_Throws(double p10, double p50, double p90)
    {
        var error = Assert.Throws<ArgumentException>(() => PointPrediction.WithQuantiles(100, p10, p50, p90));

        Assert.Contains("ordered", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, 1, 2, 3)]
    [InlineData(double.PositiveInfinity, 1, 2, 3)]
    [InlineData(5, double.NaN, 2, 3)]
    [InlineData(5, 1, double.NaN, 3)]
    [InlineData(5, 1, 2, double.NaN)]
    [InlineData(5, double.NegativeInfinity, 2, 3)]
    [InlineData(5, 1, 2, double.PositiveInfinity)]
    public void WithQuantiles_NonFiniteValue_Throws(double point, double p10, double p50, double p90)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PointPrediction.WithQuantiles(point, p10, p50, p90));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Of_NonFinitePoint_Throws(double point)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PointPrediction.Of(point));
    }

    [Fact]
    public void Equality_SamePointWithoutQuantiles_IsEqualDespiteNaN()
    {
        // Absent quantiles are NaN; record equality must still say two point-only predictions are equal.
        Assert.Equal(PointPrediction.Of(3), PointPrediction.Of(3));
        Assert.NotEqual(PointPrediction.Of(3), PointPrediction.WithQuantiles(3, 1, 2, 4));
    }

    [Fact]
    public void HasQuantiles_OfDefault_IsFalse()
    {
        Assert.False(default(PointPrediction).HasQuantiles);
    }
}
