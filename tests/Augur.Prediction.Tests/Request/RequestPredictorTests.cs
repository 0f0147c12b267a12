using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Request;

namespace Augur.Prediction.Tests.Request;

public sealed class RequestPredictorTests
{
    [Fact]
    public void Predict_JobWithRequest_GivesTheRequestInSeconds()
    {
        var predictor = new RequestPredictor();
        var job = new JobRequest(0, 1, Instant.Zero, 4, new Duration(90_500_000));

        var prediction = predictor.Predict(job, default);

        Assert.Equal(90.5, prediction.Point);
        Assert.False(prediction.HasQuantiles);
        Assert.Equal(new Duration(90_500_000), RunTimeEstimator.Clamp(job, prediction.Point));
    }

    [Fact]
    public void Predict_AfterLearning_StillGivesTheRequest()
    {
        var predictor = new RequestPredictor();
        var job = new JobRequest(0, 1, Instant.Zero, 4, Duration.FromSeconds(600));
        predictor.Learn(job, new JobOutcome(Duration.FromSeconds(5)), Instant.FromSeconds(5));

        Assert.Equal(600, predictor.Predict(job, default).Point);
    }

    [Fact]
    public void Identity_IsANonOracleRunTimePredictor()
    {
        var predictor = new RequestPredictor();

        Assert.Equal("predictor/request", predictor.Id);
        Assert.Equal(PredictionTarget.RunTime, predictor.Target);
        Assert.False(predictor.IsOracle);
    }
}
