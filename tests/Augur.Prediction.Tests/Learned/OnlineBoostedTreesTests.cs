using Augur.Prediction.Learned;

namespace Augur.Prediction.Tests.Learned;

public sealed class OnlineBoostedTreesTests
{
    private const int Columns = 3;

    [Fact]
    public void Learn_ThirteenEndsInAWindowOfTen_KeepsTheTenNewestOverwritingTheOldestSlots()
    {
        using var trees = Trees(window: 10, firstTraining: 10, retrainEvery: 1000);

        // Job j's row starts with j; jobs 0..12 end in order.
        for (var job = 0; job < 13; job++)
        {
            End(trees, job, seconds: 0);
        }

        // Slots 0..2 were overwritten by jobs 10, 11, 12; slots 3..9 still hold jobs 3..9; jobs 0..2 are gone.
        float[] expected = [10, 11, 12, 3, 4, 5, 6, 7, 8, 9];
        Assert.Equal(13, trees.Ended);
        Assert.Equal(10, trees.WindowCount);
        for (var slot = 0; slot < 10; slot++)
        {
            Assert.Equal(expected[slot], trees.WindowRow(slot)[0]);
        }
    }

    [Fact]
    public void Learn_FourEndsInAWindowOfTen_HoldsThemInEndOrder()
    {
        using var trees = Trees(window: 10, firstTraining: 10, retrainEvery: 1000);
        End(trees, 7, seconds: 0);
        End(trees, 2, seconds: 0);
        End(trees, 5, seconds: 0);
        End(trees, 1, seconds: 0);

        Assert.Equal(4, trees.WindowCount);
        Assert.Equal([7f, 2f, 5f, 1f], [trees.WindowRow(0)[0], trees.WindowRow(1)[0], trees.WindowRow(2)[0], trees.WindowRow(3)[0]]);
        Assert.Throws<ArgumentOutOfRangeException>(() => trees.WindowRow(4).ToArray());
    }

    [Fact]
    public void Learn_RunTimes_AreLabelledLogOfOnePlusSecondsWithNegativesAsZero()
    {
        using var trees = Trees(window: 10, firstTraining: 10, retrainEvery: 1000);
        End(trees, 0, seconds: 0);
        End(trees, 1, seconds: Math.E - 1);
        End(trees, 2, seconds: (Math.E * Math.E) - 1);
        End(trees, 3, seconds: -5);

        var labels = trees.WindowLabels.ToArray();
        Assert.Equal(4, labels.Length);
        Assert.Equal(0f, labels[0]);
        Assert.Equal(1f, labels[1], 6);
        Assert.Equal(2f, labels[2], 6);
        Assert.Equal(0f, labels[3]);
    }

    [Fact]
    public void Learn_RetrainEveryLargerThanTheEnds_TrainsFirstThenEachTimeTheEndsDouble()
    {
        // First after 10 ends, then at 10 + min(10, 1000) = 20, 20 + 20 = 40.
        Assert.Equal([10, 20, 40], EndsAtWhichATrainingHappened(window: 10, firstTraining: 10, retrainEvery: 1000, ends: 45));
    }

    [Fact]
    public void Learn_RetrainEverySmallerThanTheEnds_TrainsAtThatStep()
    {
        // First after 10 ends, then every min(ends, 4): 14, 18, 22.
        Assert.Equal([10, 14, 18, 22], EndsAtWhichATrainingHappened(window: 10, firstTraining: 10, retrainEvery: 4, ends: 25));
    }

    [Fact]
    public void Learn_JobWithoutARow_LearnsNothing()
    {
        using var trees = Trees(window: 10, firstTraining: 10, retrainEvery: 1000);
        trees.RowFor(1)[0] = 1;

        Assert.False(trees.Learn(2, 100));
        Assert.Equal(0, trees.Ended);
        Assert.Equal(0, trees.WindowCount);
        Assert.True(trees.Learn(1, 100));
        Assert.False(trees.Learn(1, 100));
        Assert.Equal(1, trees.Ended);
    }

    [Fact]
    public void RowFor_AfterAJobEnds_ReusesItsRowForTheNextJob()
    {
        using var trees = Trees(window: 10, firstTraining: 10, retrainEvery: 1000);
        var first = trees.RowFor(1);
        var second = trees.RowFor(2);
        Assert.NotSame(first, second);
        Assert.Equal(Columns, first.Length);

        // Asked again before it ends, a job keeps its row; once it ends its row serves the next job.
        Assert.Same(second, trees.RowFor(2));
        trees.Learn(1, 100);
        Assert.Same(first, trees.RowFor(3));
        Assert.NotSame(first, trees.RowFor(4));
    }

    [Fact]
    public void PredictSeconds_BeforeTheFirstModel_IsNaN()
    {
        using var trees = Trees(window: 10, firstTraining: 10, retrainEvery: 1000);
        for (var job = 0; job < 9; job++)
        {
            End(trees, job, seconds: 99);
        }

        Assert.False(trees.HasModel);
        Assert.Equal(0, trees.Trainings);
        Assert.True(double.IsNaN(trees.PredictSeconds(trees.RowFor(9))));
    }

    [Fact]
    public void PredictSeconds_AfterTrainingOnOneRunTime_GivesThatRunTime()
    {
        // Every job ran 99 s: the labels' mean, log(100), starts the trees and no split improves on it.
        using var trees = Trees(window: 10, firstTraining: 10, retrainEvery: 1000);
        for (var job = 0; job < 10; job++)
        {
            End(trees, job, seconds: 99);
        }

        var row = trees.RowFor(10);
        row[0] = 10;
        Assert.True(trees.HasModel);
        Assert.Equal(1, trees.Trainings);
        Assert.Equal(99, trees.PredictSeconds(row), 3);
    }

    [Fact]
    public void Constructor_FirstTrainingBeyondTheWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Trees(window: 10, firstTraining: 11, retrainEvery: 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnlineBoostedTrees(0, new XGBoostPredictorOptions()));
    }

    private static OnlineBoostedTrees Trees(int window, int firstTraining, int retrainEvery) =>
        new(Columns, new XGBoostPredictorOptions { Window = window, FirstTraining = firstTraining, RetrainEvery = retrainEvery });

    /// <summary>Predicted, then ended, as a predictor does: the row holds the job's number, then two fixed features.</summary>
    private static void End(OnlineBoostedTrees trees, int job, double seconds)
    {
        var row = trees.RowFor(job);
        row[0] = job;
        row[1] = 1;
        row[2] = 2;
        Assert.True(trees.Learn(job, seconds));
    }

    private static int[] EndsAtWhichATrainingHappened(int window, int firstTraining, int retrainEvery, int ends)
    {
        using var trees = Trees(window, firstTraining, retrainEvery);
        var trainedAt = new List<int>();
        for (var job = 0; job < ends; job++)
        {
            var before = trees.Trainings;
            End(trees, job, seconds: job);
            if (trees.Trainings > before)
            {
                trainedAt.Add(job + 1);
            }
        }

        return [.. trainedAt];
    }
}
