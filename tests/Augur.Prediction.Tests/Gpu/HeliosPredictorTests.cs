using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;
using Augur.Prediction.Gpu;
using Augur.Prediction.Learned;

namespace Augur.Prediction.Tests.Gpu;

public sealed class HeliosPredictorTests
{
    private static GpuJobRequest Job(int index, string group, int gpus, int submit = 0) =>
        new(index, $"j{index}", Instant.FromSeconds(submit), GpuRequest.Whole(gpus), group);

    [Fact]
    public void Predict_NothingEndedYet_PredictsZero()
    {
        using var predictor = new HeliosPredictor();

        Assert.Equal(Duration.Zero, predictor.Predict(Job(0, "a", 1), Instant.Zero));
    }

    [Fact]
    public void HistoryEstimate_FallsBackFromGroupAndShapeToGroupToEveryone()
    {
        // Ended: a/1 GPU 100 s and 300 s, a/2 GPUs 1000 s, b/1 GPU 50 s.
        using var predictor = new HeliosPredictor();
        Learn(predictor, Job(0, "a", 1), 100);
        Learn(predictor, Job(1, "a", 1), 300);
        Learn(predictor, Job(2, "a", 2), 1000);
        Learn(predictor, Job(3, "b", 1), 50);

        // Same group and shape: (100 + 300) / 2; same group, new shape: (100 + 300 + 1000) / 3; new group: 1450 / 4.
        Assert.Equal(200, predictor.HistoryEstimate(Job(4, "a", 1)), 9);
        Assert.Equal(1400 / 3.0, predictor.HistoryEstimate(Job(5, "a", 4)), 9);
        Assert.Equal(362.5, predictor.HistoryEstimate(Job(6, "c", 1)), 9);

        // Before the first model, the prediction is the history estimate.
        Assert.Equal(Duration.FromSeconds(200), predictor.Predict(Job(7, "a", 1), Instant.Zero));
        Assert.Equal(0, predictor.Trainings);
    }

    [Fact]
    public void Predict_AfterTheFirstTraining_BlendsTheTreesWithTheHistory()
    {
        // Group a always runs 100 s, group b 1000 s. After 200 ends the trees learn both (regularised, so not
        // exactly); the blend (0.1 x history + 0.9 x trees) lands within 25 % of each group's run time.
        using var predictor = new HeliosPredictor(new XGBoostPredictorOptions { Window = 200, FirstTraining = 200, RetrainEvery = 1000 });
        for (var i = 0; i < 200; i++)
        {
            var group = i % 2 == 0 ? "a" : "b";
            Learn(predictor, Job(i, group, 1, submit: i), group == "a" ? 100 : 1000);
        }

        var a = predictor.Predict(Job(200, "a", 1, submit: 200), Instant.FromSeconds(200)).TotalSeconds;
        var b = predictor.Predict(Job(201, "b", 1, submit: 200), Instant.FromSeconds(200)).TotalSeconds;

        Assert.Equal(1, predictor.Trainings);
        Assert.InRange(a, 75, 125);
        Assert.InRange(b, 750, 1250);
    }

    [Fact]
    public void Catalogue_Helios_IsBuiltAndClairvoyantIsLeftToTheDriver()
    {
        using var helios = GpuPredictorCatalogue.Catalogue.Create("predictor/helios") as HeliosPredictor;

        Assert.NotNull(helios);
        Assert.Equal("predictor/helios", helios.Id);
        Assert.Null(GpuPredictorCatalogue.Catalogue.Create(GpuPredictorCatalogue.ClairvoyantId));
    }

    /// <summary>A job is predicted at its submission, then learned from at its end, as the driver does.</summary>
    private static void Learn(HeliosPredictor predictor, GpuJobRequest job, int seconds)
    {
        predictor.Predict(job, job.Submit);
        predictor.Learn(job, Duration.FromSeconds(seconds), job.Submit + Duration.FromSeconds(seconds));
    }
}
