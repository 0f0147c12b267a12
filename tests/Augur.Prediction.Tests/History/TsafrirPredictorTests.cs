using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.History;

namespace Augur.Prediction.Tests.History;

public sealed class TsafrirPredictorTests
{
    private static readonly PredictionContext Context = new(Instant.Zero, 0, 0, 0, 0);

    [Fact]
    public void Identity_IsANonOracleRunTimePredictor()
    {
        var predictor = new TsafrirPredictor();

        Assert.Equal("predictor/tsafrir", predictor.Id);
        Assert.Equal(PredictionTarget.RunTime, predictor.Target);
        Assert.False(predictor.IsOracle);
    }

    [Fact]
    public void Predict_NoHistory_GivesTheRequest()
    {
        var predictor = new TsafrirPredictor();

        Assert.Equal(3600, predictor.Predict(Job(user: 1, requested: 3600), Context).Point);
    }

    [Fact]
    public void Predict_OneCompletedJob_StillGivesTheRequest()
    {
        var predictor = new TsafrirPredictor();
        Learn(predictor, user: 1, runSeconds: 100);

        Assert.Equal(3600, predictor.Predict(Job(user: 1, requested: 3600), Context).Point);
    }

    [Fact]
    public void Predict_TwoCompletedJobs_GivesTheFloorOfTheirMean()
    {
        // (101 + 200) / 2 = 150.5, rounded down to whole seconds: 150.
        var predictor = new TsafrirPredictor();
        Learn(predictor, user: 1, runSeconds: 101);
        Learn(predictor, user: 1, runSeconds: 200);

        var prediction = predictor.Predict(Job(user: 1, requested: 3600), Context);

        Assert.Equal(150, prediction.Point);
        Assert.False(prediction.HasQuantiles);
    }

    [Fact]
    public void Predict_SubSecondRunTimes_UsesWholeSecondsRoundedDown()
    {
        // 100.9 s counts as 100 and 201.5 s as 201: floor((100 + 201) / 2) = 150.
        var predictor = new TsafrirPredictor();
        LearnMicroseconds(predictor, user: 1, runMicroseconds: 100_900_000);
        LearnMicroseconds(predictor, user: 1, runMicroseconds: 201_500_000);

        Assert.Equal(150, predictor.Predict(Job(user: 1, requested: 3600), Context).Point);
    }

    [Fact]
    public void Predict_MeanAboveTheRequest_IsCappedByTheRequest()
    {
        var predictor = new TsafrirPredictor();
        Learn(predictor, user: 1, runSeconds: 1000);
        Learn(predictor, user: 1, runSeconds: 2000);

        Assert.Equal(600, predictor.Predict(Job(user: 1, requested: 600), Context).Point);
        Assert.Equal(1500, predictor.Predict(Job(user: 1, requested: 1500), Context).Point);
        Assert.Equal(1500, predictor.Predict(Job(user: 1, requested: 1501), Context).Point);
    }

    [Fact]
    public void Predict_OtherUsersHistory_IsNotUsed()
    {
        var predictor = new TsafrirPredictor();
        Learn(predictor, user: 1, runSeconds: 10);
        Learn(predictor, user: 1, runSeconds: 20);
        Learn(predictor, user: 2, runSeconds: 300);

        Assert.Equal(15, predictor.Predict(Job(user: 1, requested: 3600), Context).Point);
        Assert.Equal(3600, predictor.Predict(Job(user: 2, requested: 3600), Context).Point);
        Assert.Equal(3600, predictor.Predict(Job(user: 3, requested: 3600), Context).Point);
    }

    [Fact]
    public void Predict_ThreeCompletedJobs_OnlyTheLastTwoCount()
    {
        // 10, then 20, then 1000: the mean of 20 and 1000 is 510; the 10 s job is forgotten.
        var predictor = new TsafrirPredictor();
        Learn(predictor, user: 1, runSeconds: 10);
        Learn(predictor, user: 1, runSeconds: 20);
        Learn(predictor, user: 1, runSeconds: 1000);

        Assert.Equal(510, predictor.Predict(Job(user: 1, requested: 3600), Context).Point);

        Learn(predictor, user: 1, runSeconds: 4);
        Assert.Equal(502, predictor.Predict(Job(user: 1, requested: 3600), Context).Point);
    }

    [Fact]
    public void Predict_Interleaved_FollowsEachUsersOwnOrder()
    {
        var predictor = new TsafrirPredictor();
        Learn(predictor, user: 1, runSeconds: 100);
        Learn(predictor, user: 2, runSeconds: 7);
        Learn(predictor, user: 1, runSeconds: 300);
        Learn(predictor, user: 2, runSeconds: 9);
        Learn(predictor, user: 2, runSeconds: 11);

        Assert.Equal(200, predictor.Predict(Job(user: 1, requested: 3600), Context).Point);
        Assert.Equal(10, predictor.Predict(Job(user: 2, requested: 3600), Context).Point);
    }

    [Fact]
    public void Predict_NoRequestAndNoHistory_IsUnboundedSoTheEstimatorPlansWithTheRequest()
    {
        var predictor = new TsafrirPredictor();
        var job = new JobRequest(0, 1, Instant.Zero, 1, null, features: new JobFeatures(1, -1, -1, -1, -1));

        var prediction = predictor.Predict(job, Context);

        Assert.Equal(Duration.MaxValue, RunTimeEstimator.Clamp(job, prediction.Point));
    }

    [Fact]
    public void Predict_NoRequestWithHistory_GivesTheMean()
    {
        var predictor = new TsafrirPredictor();
        Learn(predictor, user: 1, runSeconds: 40);
        Learn(predictor, user: 1, runSeconds: 60);
        var job = new JobRequest(0, 1, Instant.Zero, 1, null, features: new JobFeatures(1, -1, -1, -1, -1));

        Assert.Equal(50, predictor.Predict(job, Context).Point);
    }

    private static JobRequest Job(int user, long requested) =>
        new(0, 1, Instant.Zero, 1, Duration.FromSeconds(requested), features: new JobFeatures(user, -1, -1, -1, -1));

    private static void Learn(TsafrirPredictor predictor, int user, long runSeconds) =>
        LearnMicroseconds(predictor, user, runSeconds * Duration.MicrosecondsPerSecond);

    private static void LearnMicroseconds(TsafrirPredictor predictor, int user, long runMicroseconds)
    {
        var job = Job(user, requested: 100_000);
        predictor.Learn(job, new JobOutcome(new Duration(runMicroseconds)), new Instant(runMicroseconds));
    }
}
