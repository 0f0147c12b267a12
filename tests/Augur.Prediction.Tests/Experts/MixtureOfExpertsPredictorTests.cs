using Augur.Core.Time;
using Augur.Prediction.Evaluation;
using Augur.Prediction.Experts;
using Augur.Prediction.History;
using Augur.Testing;

namespace Augur.Prediction.Tests.Experts;

public sealed class MixtureOfExpertsPredictorTests
{
    [Fact]
    public void Predict_ExactRepeatsWithAlternatingUsersHistory_BeatsTsafrir()
    {
        // Each user alternates two applications (told apart by their requests) that run 100 s and 5,000 s:
        // the mean of the last two is always wrong by far, the exact-repeat expert always right.
        var builder = new WorkloadBuilder();
        for (var job = 0; job < 1200; job++)
        {
            var user = job % 6;
            var longOne = (job / 6) % 2 == 1;
            builder.Job(submit: job * 10_000L, processors: 1, run: longOne ? 5_000 : 100, requested: longOne ? 20_000 : 10_000, user: user);
        }

        var workload = builder.Build();
        var waits = new Duration[workload.Count];
        using var mixture = new MixtureOfExpertsPredictor(new MixtureOfExpertsOptions { Trees = new() { FirstTraining = 200 } });

        var moe = OnlineEvaluation.Run(workload, waits, mixture).Accuracy;
        var tsafrir = OnlineEvaluation.Run(workload, waits, new TsafrirPredictor()).Accuracy;

        Assert.True(moe.MeanAccuracy > 0.95, $"moe accuracy {moe.MeanAccuracy}");
        Assert.True(moe.MeanAbsoluteError < tsafrir.MeanAbsoluteError / 10, $"moe MAE {moe.MeanAbsoluteError}, tsafrir {tsafrir.MeanAbsoluteError}");
    }

    [Fact]
    public void Predict_AfterEnoughEnds_GivesOrderedQuantilesThatCoverAboutEightyPercent()
    {
        var workload = RandomWorkload.Create(seed: 5, jobs: 3000, maxProcessors: 32);
        var waits = new Duration[workload.Count];
        using var mixture = new MixtureOfExpertsPredictor();

        var result = OnlineEvaluation.Run(workload, waits, mixture);

        var last = result.Predictions[^1];
        Assert.True(last.HasQuantiles);
        Assert.True(last.P10 <= last.P50 && last.P50 <= last.P90);
        Assert.InRange(result.Accuracy.IntervalCoverage, 0.7, 0.9);
    }

    [Fact]
    public void Constructor_GateWeightOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MixtureOfExpertsPredictor(new MixtureOfExpertsOptions { GateWeight = 0 }));
    }
}
