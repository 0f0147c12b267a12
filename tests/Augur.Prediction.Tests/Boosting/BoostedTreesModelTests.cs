using Augur.Prediction.Boosting;

using static Augur.Prediction.Tests.Boosting.BoostingData;

namespace Augur.Prediction.Tests.Boosting;

public sealed class BoostedTreesModelTests
{
    private static readonly BoostedTreesOptions OneStump = new()
    {
        Rounds = 1,
        MaxDepth = 1,
        LearningRate = 1,
        Lambda = 0,
        MinChildWeight = 0,
        BaseScore = 0,
    };

    [Fact]
    public void Train_OneStumpOnTwoGroups_PredictsTheGroupMeans()
    {
        // Squared error from 0: gradients -10, -10, -20, -20, hessians 1. The best split parts x <= 2 from x >= 3;
        // with lambda 0 and eta 1 each leaf is -(sum of gradients) / (sum of hessians), the group's mean.
        using var model = BoostedTreesModel.Train(Column(1, 2, 3, 4), [10, 10, 20, 20], OneStump);

        Assert.Equal([10f, 10f, 20f, 20f], Predictions(model, Column(1, 2, 3, 4)));
        Assert.Equal(10f, model.Predict([1.5f]));
        Assert.Equal(20f, model.Predict([3.5f]));
    }

    [Fact]
    public void Train_MoreRoundsOnALine_LowerTheErrorAndPredictHeldOutPoints()
    {
        var x = new float[200];
        var y = new float[200];
        for (var index = 0; index < x.Length; index++)
        {
            x[index] = index + 1;
            y[index] = 3 * x[index];
        }

        var features = Column(x);
        var previousError = double.MaxValue;
        foreach (var rounds in (int[])[1, 2, 5, 10, 20, 50, 100])
        {
            using var model = BoostedTreesModel.Train(features, y, new BoostedTreesOptions { Rounds = rounds });
            var predictions = Predictions(model, features);
            var error = 0.0;
            for (var index = 0; index < y.Length; index++)
            {
                error += (predictions[index] - y[index]) * (predictions[index] - y[index]);
            }

            Assert.True(error < previousError, $"{rounds} rounds: squared error {error} is not below {previousError}");
            previousError = error;
            if (rounds == 100)
            {
                foreach (var heldOut in (float[])[20.5f, 55.5f, 100.5f, 150.5f, 190.5f])
                {
                    var predicted = model.Predict([heldOut]);
                    Assert.InRange(predicted, 3 * heldOut * 0.95f, 3 * heldOut * 1.05f);
                }
            }
        }
    }

    [Fact]
    public void Train_AbsoluteError_PredictsGroupMediansNotMeans()
    {
        // The second group's outlier pulls a mean to 40 but leaves the median at 20.
        var options = new BoostedTreesOptions { Objective = BoostedTreesObjective.AbsoluteError, Rounds = 50, MaxDepth = 1 };
        using var model = BoostedTreesModel.Train(Column(1, 1, 1, 2, 2, 2), [9, 10, 11, 19, 20, 81], options);

        Assert.Equal(10f, model.Predict([1]), 0.01f);
        Assert.Equal(20f, model.Predict([2]), 0.01f);
    }

    [Fact]
    public void Train_SameDataTwice_GivesBitIdenticalPredictionsAndModels()
    {
        var (features, labels) = Random(rows: 2000, columns: 8, seed: 7);
        var options = new BoostedTreesOptions { Rounds = 30 };

        using var first = BoostedTreesModel.Train(features, labels, options);
        using var second = BoostedTreesModel.Train(features, labels, options);

        Assert.Equal(Bits(Predictions(first, features)), Bits(Predictions(second, features)));
        Assert.Equal(first.Save(), second.Save());
    }

    [Fact]
    public void Predict_MatrixAndRowByRow_Agree()
    {
        var (features, labels) = Random(rows: 300, columns: 5, seed: 3);
        using var model = BoostedTreesModel.Train(features, labels, new BoostedTreesOptions { Rounds = 20 });

        var together = Predictions(model, features);
        var alone = new float[features.Rows];
        for (var row = 0; row < features.Rows; row++)
        {
            alone[row] = model.Predict(features.Row(row));
        }

        Assert.Equal(Bits(together), Bits(alone));
    }

    [Fact]
    public void Train_MissingFeatures_LearnWhichBranchTheyTake()
    {
        // Rows with a missing x all have the high label: XGBoost learns to send missing values right.
        using var model = BoostedTreesModel.Train(Column(1, 2, float.NaN, float.NaN), [10, 10, 20, 20], OneStump);

        Assert.Equal(10f, model.Predict([1f]));
        Assert.Equal(10f, model.Predict([2f]));
        Assert.Equal(20f, model.Predict([float.NaN]));
    }

    [Fact]
    public void Predict_EmptyMatrix_WritesNothing()
    {
        using var model = BoostedTreesModel.Train(Column(1, 2, 3, 4), [10, 10, 20, 20], OneStump);

        model.Predict(new BoostedTreesMatrix(0, 1), Span<float>.Empty);
    }

    [Fact]
    public void SaveAndLoad_RoundTrip_PredictsTheSame()
    {
        var (features, labels) = Random(rows: 500, columns: 4, seed: 11);
        using var trained = BoostedTreesModel.Train(features, labels, new BoostedTreesOptions { Rounds = 15 });

        using var loaded = BoostedTreesModel.Load(trained.Save());

        Assert.Equal(4, loaded.Columns);
        Assert.Equal(Bits(Predictions(trained, features)), Bits(Predictions(loaded, features)));
    }

    [Fact]
    public void Train_Options_ReachXGBoost()
    {
        var options = new BoostedTreesOptions
        {
            MaxDepth = 3,
            MinChildWeight = 2,
            Seed = 5,
            AdditionalParameters = new Dictionary<string, string> { ["gamma"] = "0.5" },
        };
        using var model = BoostedTreesModel.Train(Column(1, 2, 3, 4), [10, 10, 20, 20], options with { Rounds = 2 });

        var json = model.ConfigurationJson();

        Assert.Contains("\"validate_parameters\":\"1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"nthread\":\"1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"seed\":\"5\"", json, StringComparison.Ordinal);
        Assert.Contains("\"max_depth\":\"3\"", json, StringComparison.Ordinal);
        Assert.Contains("\"min_child_weight\":\"2\"", json, StringComparison.Ordinal);
        Assert.Contains("\"gamma\":\"0.5\"", json, StringComparison.Ordinal);
        Assert.Contains("\"tree_method\":\"hist\"", json, StringComparison.Ordinal);
        Assert.Contains("\"objective\":\"reg:squarederror\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndLaterUseThrows()
    {
        var model = BoostedTreesModel.Train(Column(1, 2, 3, 4), [10, 10, 20, 20], OneStump);

        model.Dispose();
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.Predict([1f]));
        Assert.Throws<ObjectDisposedException>(() => model.Predict(Column(1), new float[1]));
        Assert.Throws<ObjectDisposedException>(() => model.Save());
    }
}
