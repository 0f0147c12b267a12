using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;
using Augur.Prediction.Gpu;

namespace Augur.Prediction.Tests.Gpu;

public sealed class GroupMeanPredictorTests
{
    private static GpuJobRequest Job(int index, string group, int gpus) =>
        new(index, $"j{index}", Instant.Zero, GpuRequest.Whole(gpus), group);

    [Fact]
    public void Predict_NothingEndedYet_PredictsZero()
    {
        var predictor = new GroupMeanPredictor();

        Assert.Equal(Duration.Zero, predictor.Predict(Job(0, "a", 1), Instant.Zero));
    }

    [Fact]
    public void Predict_AfterEnds_MeanOfGroupAndShapeElseGroupElseEveryone()
    {
        // Ended: a/1 GPU 100 s and 301 s, a/2 GPUs 1000 s, b/1 GPU 50 s.
        var predictor = new GroupMeanPredictor();
        Learn(predictor, Job(0, "a", 1), 100);
        Learn(predictor, Job(1, "a", 1), 301);
        Learn(predictor, Job(2, "a", 2), 1000);
        Learn(predictor, Job(3, "b", 1), 50);

        // (100 + 301) / 2 = 200.5 s; (100 + 301 + 1000) / 3 = 467 s; 1451 / 4 = 362.75 s; to the microsecond.
        Assert.Equal(200_500_000, predictor.Predict(Job(4, "a", 1), Instant.Zero).Microseconds);
        Assert.Equal(467_000_000, predictor.Predict(Job(5, "a", 4), Instant.Zero).Microseconds);
        Assert.Equal(362_750_000, predictor.Predict(Job(6, "c", 1), Instant.Zero).Microseconds);
    }

    [Fact]
    public void Predict_OneLongJobInAGroupOfShortOnes_RanksTheGroupByItsMeanNotItsTypicalJob()
    {
        // Group a: nine 10 s jobs and one 10,000 s job (typical 10 s, mean 1,009 s); group b: always 500 s. QSSF
        // ranks by expected service, so a's next job must come after b's, which a median or log mean would invert.
        var predictor = new GroupMeanPredictor();
        for (var i = 0; i < 10; i++)
        {
            Learn(predictor, Job(i, "a", 1), i == 9 ? 10_000 : 10);
            Learn(predictor, Job(100 + i, "b", 1), 500);
        }

        Assert.True(predictor.Predict(Job(20, "a", 1), Instant.Zero) > predictor.Predict(Job(120, "b", 1), Instant.Zero));
    }

    [Fact]
    public void Catalogue_GroupMean_IsListedAndBuilt()
    {
        var built = GpuPredictorCatalogue.Catalogue.Create("predictor/group-mean");

        Assert.IsType<GroupMeanPredictor>(built);
        Assert.Equal("predictor/group-mean", built.Id);
    }

    private static void Learn(GroupMeanPredictor predictor, GpuJobRequest job, int seconds)
    {
        predictor.Predict(job, job.Submit);
        predictor.Learn(job, Duration.FromSeconds(seconds), job.Submit + Duration.FromSeconds(seconds));
    }
}
