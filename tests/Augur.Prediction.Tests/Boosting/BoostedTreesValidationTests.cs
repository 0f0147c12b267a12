using Augur.Prediction.Boosting;

using static Augur.Prediction.Tests.Boosting.BoostingData;

namespace Augur.Prediction.Tests.Boosting;

public sealed class BoostedTreesValidationTests
{
    private static readonly BoostedTreesOptions FewRounds = new() { Rounds = 2 };

    [Fact]
    public void Train_MisspelledParameter_ThrowsNamingIt()
    {
        var options = FewRounds with { AdditionalParameters = new Dictionary<string, string> { ["max_dept"] = "3" } };

        var exception = Assert.Throws<XGBoostException>(() => BoostedTreesModel.Train(Column(1, 2, 3, 4), [1, 2, 3, 4], options));

        Assert.Contains("\"max_dept\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("XGBoosterUpdateOneIter", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainQuantile_MisspelledParameter_ThrowsNamingIt()
    {
        var options = FewRounds with { AdditionalParameters = new Dictionary<string, string> { ["colsample_bytre"] = "0.5" } };

        var exception = Assert.Throws<XGBoostException>(
            () => BoostedTreesModel.TrainQuantile(Column(1, 2, 3, 4), [1, 2, 3, 4], 0.5, options));

        Assert.Contains("\"colsample_bytre\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_AfterAMisspelledParameter_NextTrainingOnTheThreadSucceeds()
    {
        var misspelled = FewRounds with { AdditionalParameters = new Dictionary<string, string> { ["etaa"] = "0.1" } };
        Assert.Throws<XGBoostException>(() => BoostedTreesModel.Train(Column(1, 2), [1, 2], misspelled));

        using var model = BoostedTreesModel.Train(Column(1, 2), [1, 2], FewRounds);

        Assert.Equal(1, model.Columns);
    }

    [Fact]
    public void Train_BadParameterValue_ThrowsWithXGBoostsReason()
    {
        var options = FewRounds with { AdditionalParameters = new Dictionary<string, string> { ["max_bin"] = "many" } };

        var exception = Assert.Throws<XGBoostException>(() => BoostedTreesModel.Train(Column(1, 2), [1, 2], options));

        Assert.Contains("max_bin", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Stack trace", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_LabelCountDiffersFromRows_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => BoostedTreesModel.Train(Column(1, 2, 3), [1, 2], FewRounds));

        Assert.Equal("labels", exception.ParamName);
        Assert.Contains("2 labels for 3 rows", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_NoRows_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => BoostedTreesModel.Train(new BoostedTreesMatrix(0, 3), [], FewRounds));

        Assert.Equal("features", exception.ParamName);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Train_LabelNotFinite_ThrowsNamingTheRow(float label)
    {
        var exception = Assert.Throws<ArgumentException>(() => BoostedTreesModel.Train(Column(1, 2, 3), [1, label, 3], FewRounds));

        Assert.Equal("labels", exception.ParamName);
        Assert.Contains("row 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_InfiniteFeature_ThrowsNamingRowAndColumn()
    {
        var features = new BoostedTreesMatrix([1, 2, 3, float.NegativeInfinity], 2);

        var exception = Assert.Throws<ArgumentException>(() => BoostedTreesModel.Train(features, [1, 2], FewRounds));

        Assert.Equal("features", exception.ParamName);
        Assert.Contains("row 1, column 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_WrongShapes_ThrowArgumentException()
    {
        using var model = BoostedTreesModel.Train(Column(1, 2, 3, 4), [1, 2, 3, 4], FewRounds);

        Assert.Equal("row", Assert.Throws<ArgumentException>(() => model.Predict([1f, 2f])).ParamName);
        Assert.Equal("row", Assert.Throws<ArgumentException>(() => model.Predict([float.PositiveInfinity])).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => model.Predict(new BoostedTreesMatrix(2, 2), new float[2])).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => model.Predict(Column(1, 2), new float[3])).ParamName);
    }

    [Fact]
    public void Load_NotAModel_ThrowsXGBoostException()
    {
        Assert.Throws<ArgumentException>(() => BoostedTreesModel.Load([]));
        Assert.Throws<XGBoostException>(() => BoostedTreesModel.Load("not a model"u8));
    }

    public static TheoryData<BoostedTreesOptions, string> InvalidOptions => new()
    {
        { new BoostedTreesOptions { Rounds = 0 }, "Rounds" },
        { new BoostedTreesOptions { MaxDepth = 0 }, "MaxDepth" },
        { new BoostedTreesOptions { LearningRate = 0 }, "LearningRate" },
        { new BoostedTreesOptions { LearningRate = 1.5 }, "LearningRate" },
        { new BoostedTreesOptions { LearningRate = double.NaN }, "LearningRate" },
        { new BoostedTreesOptions { MinChildWeight = -1 }, "MinChildWeight" },
        { new BoostedTreesOptions { Lambda = double.PositiveInfinity }, "Lambda" },
        { new BoostedTreesOptions { BaseScore = float.NaN }, "BaseScore" },
        { new BoostedTreesOptions { Objective = (BoostedTreesObjective)7 }, "Objective" },
        { new BoostedTreesOptions { Threads = 0 }, "Threads" },
        { new BoostedTreesOptions { AdditionalParameters = new Dictionary<string, string> { ["eta"] = "0.1" } }, "AdditionalParameters" },
        { new BoostedTreesOptions { AdditionalParameters = new Dictionary<string, string> { ["max bin"] = "8" } }, "AdditionalParameters" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_OptionOutOfRange_ThrowsNamingIt(BoostedTreesOptions options, string option)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Equal(option, exception.ParamName);
        Assert.Contains($"BoostedTreesOptions.{option}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_InvalidOptions_ThrowsBeforeCallingXGBoost()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BoostedTreesModel.Train(Column(1, 2), [1, 2], new BoostedTreesOptions { Rounds = -3 }));
    }

    [Fact]
    public void Matrix_ValuesNotFillingRows_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new BoostedTreesMatrix([1, 2, 3], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoostedTreesMatrix(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoostedTreesMatrix(2, 2)[2, 0]);
    }
}
