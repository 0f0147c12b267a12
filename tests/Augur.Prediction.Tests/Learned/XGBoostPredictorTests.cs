using Augur.Core.Time;
using Augur.Prediction.Evaluation;
using Augur.Prediction.Learned;
using Augur.Prediction.Request;
using Augur.Testing;

namespace Augur.Prediction.Tests.Learned;

public sealed class XGBoostPredictorTests
{
    [Fact]
    public void Predict_UsersWithStableRunTimes_LearnsThemFarBetterThanTheRequest()
    {
        // 20 users, each always running 60 s x (user + 1) and always asking for 10 hours.
        var builder = new WorkloadBuilder();
        for (var job = 0; job < 2000; job++)
        {
            var user = job % 20;
            builder.Job(submit: job * 1000L, processors: 1, run: 60L * (user + 1), requested: 36_000, user: user);
        }

        var workload = builder.Build();
        var waits = new Duration[workload.Count];
        using var learned = new XGBoostPredictor(new XGBoostPredictorOptions { FirstTraining = 100, RetrainEvery = 500 });

        var result = OnlineEvaluation.Run(workload, waits, learned);
        var baseline = OnlineEvaluation.Run(workload, waits, new RequestPredictor());

        Assert.True(learned.Trainings >= 3, $"trained {learned.Trainings} times");
        Assert.True(result.Accuracy.MeanAccuracy > 0.9, $"accuracy {result.Accuracy.MeanAccuracy}");
        Assert.True(result.Accuracy.MeanAbsoluteError < baseline.Accuracy.MeanAbsoluteError / 20, $"MAE {result.Accuracy.MeanAbsoluteError} vs request {baseline.Accuracy.MeanAbsoluteError}");
    }

    [Fact]
    public void Predict_SameWorkloadTwice_GivesIdenticalPredictions()
    {
        var workload = RandomWorkload.Create(seed: 3, jobs: 800, maxProcessors: 32);
        var waits = new Duration[workload.Count];

        using var first = new XGBoostPredictor(new XGBoostPredictorOptions { FirstTraining = 100 });
        using var second = new XGBoostPredictor(new XGBoostPredictorOptions { FirstTraining = 100 });

        Assert.Equal(
            OnlineEvaluation.Run(workload, waits, first).Predictions.Select(p => p.Point),
            OnlineEvaluation.Run(workload, waits, second).Predictions.Select(p => p.Point));
    }

    [Fact]
    public void Constructor_FirstTrainingBeyondTheWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new XGBoostPredictor(new XGBoostPredictorOptions { Window = 100, FirstTraining = 200 }));
    }
}
