using Augur.Prediction.Boosting;

using static Augur.Prediction.Tests.Boosting.BoostingData;

namespace Augur.Prediction.Tests.Boosting;

public sealed class BoostedTreesQuantileTests
{
    /// <summary>
    /// Two kinds of job (x = 0 and x = 1) whose labels are evenly spread: 0.01, 0.02 ... 1.00 for the first and
    /// 1.01 ... 2.00 for the second, so the k-th percent point of kind 0 is k / 100 and of kind 1 is 1 + k / 100.
    /// </summary>
    private static (BoostedTreesMatrix Features, float[] Labels) TwoKinds()
    {
        var x = new float[200];
        var labels = new float[200];
        for (var index = 0; index < 100; index++)
        {
            x[index] = 0;
            labels[index] = (index + 1) / 100f;
            x[100 + index] = 1;
            labels[100 + index] = 1 + ((index + 1) / 100f);
        }

        return (Column(x), labels);
    }

    [Theory]
    [InlineData(0.9, 0.90, 1.90)]
    [InlineData(0.1, 0.10, 1.10)]
    [InlineData(0.5, 0.50, 1.50)]
    public void TrainQuantile_TwoKinds_PredictsEachKindsQuantile(double quantile, float expectedFirst, float expectedSecond)
    {
        var (features, labels) = TwoKinds();

        // Training starts from the quantile of all 200 labels, so the trees must move each kind to its own.
        using var model = BoostedTreesModel.TrainQuantile(features, labels, quantile, new BoostedTreesOptions { Rounds = 100 });

        // The pinball loss of a kind is flat between its k-th and (k+1)-th smallest labels, 0.01 apart: any value
        // there is a right answer. Allow that interval, plus one more label step either side for the last, ever
        // smaller, moves of a leaf (at most learning rate x max(q, 1 - q) = 0.27 at first, shrinking as the
        // gradients of a leaf balance).
        Assert.InRange(model.Predict([0f]), expectedFirst - 0.01f, expectedFirst + 0.02f);
        Assert.InRange(model.Predict([1f]), expectedSecond - 0.01f, expectedSecond + 0.02f);
    }

    [Fact]
    public void TrainQuantile_OneKindFromZero_ClimbsToTheNinetiethLabel()
    {
        // Labels 1 ... 100 from a start of 0: the trees, not the starting point, must find the 90th label. With eta 1
        // and no lambda each round moves the leaf by q minus the share of labels at or below it, a step that shrinks
        // as the leaf nears its target (about 90 x (1 - e^(-rounds / 100))): 1000 rounds end on the flat bottom of the
        // pinball loss, between the 90th and 91st labels.
        var labels = new float[100];
        for (var index = 0; index < labels.Length; index++)
        {
            labels[index] = index + 1;
        }

        var options = new BoostedTreesOptions { Rounds = 1000, LearningRate = 1, Lambda = 0, BaseScore = 0 };
        using var model = BoostedTreesModel.TrainQuantile(Column(new float[100]), labels, 0.9, options);

        Assert.InRange(model.Predict([0f]), 90f, 91f);
    }

    [Fact]
    public void TrainQuantile_SameDataTwice_GivesBitIdenticalPredictions()
    {
        var (features, labels) = Random(rows: 1000, columns: 6, seed: 5);
        var options = new BoostedTreesOptions { Rounds = 20 };

        using var first = BoostedTreesModel.TrainQuantile(features, labels, 0.75, options);
        using var second = BoostedTreesModel.TrainQuantile(features, labels, 0.75, options);

        Assert.Equal(Bits(Predictions(first, features)), Bits(Predictions(second, features)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void TrainQuantile_QuantileOutsideZeroToOne_Throws(double quantile)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => BoostedTreesModel.TrainQuantile(Column(1, 2), [1, 2], quantile, new BoostedTreesOptions()));

        Assert.Equal("quantile", exception.ParamName);
    }
}
