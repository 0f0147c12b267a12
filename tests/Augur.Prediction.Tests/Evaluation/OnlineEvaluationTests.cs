using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Evaluation;
using Augur.Prediction.History;
using Augur.Testing;

namespace Augur.Prediction.Tests.Evaluation;

public sealed class OnlineEvaluationTests
{
    [Fact]
    public void Run_Tsafrir_LearnsEndsBeforeLaterSubmissionsButNotSimultaneousOnes()
    {
        // User 1: jobs end at 100 (A) and 300 (B); C is submitted at 300, when B ends: submissions come first,
        // so C sees only A; D (at 301) sees A and B.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 1, run: 100, requested: 1000, user: 1)
            .Job(submit: 100, processors: 1, run: 200, requested: 1000, user: 1)
            .Job(submit: 300, processors: 1, run: 50, requested: 1000, user: 1)
            .Job(submit: 301, processors: 1, run: 50, requested: 1000, user: 1)
            .Build();
        var waits = new Duration[workload.Count];

        var result = OnlineEvaluation.Run(workload, waits, new TsafrirPredictor());

        Assert.Equal([1000.0, 1000.0, 1000.0, 150.0], result.Predictions.Select(p => p.Point));
        Assert.Equal(4, result.Accuracy.Count);
        Assert.Equal((900 + 800 + 950 + 100) / 4.0, result.Accuracy.MeanAbsoluteError, 9);
    }

    [Fact]
    public void Run_TraceWaits_DelayWhenAJobIsLearned()
    {
        // A waits 500 s in the trace, so it ends at 600, after B's and C's submissions at 200 and 599.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 1, run: 100, requested: 1000, user: 1)
            .Job(submit: 50, processors: 1, run: 100, requested: 1000, user: 1)
            .Job(submit: 599, processors: 1, run: 10, requested: 1000, user: 1)
            .Build();
        var waits = new[] { Duration.FromSeconds(500), Duration.Zero, Duration.Zero };

        var result = OnlineEvaluation.Run(workload, waits, new TsafrirPredictor());

        // At 599 only B (ended at 150) is known: one run time, so still the request.
        Assert.Equal(1000.0, result.Predictions[2].Point);
    }

    [Fact]
    public void Run_MemoryTarget_ScoresOnlyJobsWithRecordedMemory()
    {
        var jobs = new List<WorkloadJob>
        {
            new(new JobRequest(0, 1, Instant.FromSeconds(0), 1, Duration.FromSeconds(100), requestedMemoryKilobytes: 4000, features: new JobFeatures(1, -1, -1, -1, -1)), new JobOutcome(Duration.FromSeconds(10), UsedMemoryKilobytes: 1000)),
            new(new JobRequest(1, 2, Instant.FromSeconds(1), 1, Duration.FromSeconds(100), requestedMemoryKilobytes: 4000, features: new JobFeatures(1, -1, -1, -1, -1)), new JobOutcome(Duration.FromSeconds(10))),
        };
        var workload = new Workload("memory", jobs, 4);

        var result = OnlineEvaluation.Run(workload, new Duration[2], new TsafrirPredictor(PredictionTarget.Memory));

        Assert.Equal(1, result.Accuracy.Count);
        Assert.Equal(3000, result.Accuracy.MeanAbsoluteError);
        Assert.Equal(4000, result.Predictions[1].Point);
    }

    [Fact]
    public void Run_JobsWithoutRequestOrHistory_AreCountedApartNotScored()
    {
        // No requests: Tsafrir has nothing for user 1's first two jobs, then the mean of 100 and 300.
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 1, run: 100, user: 1)
            .Job(submit: 0, processors: 1, run: 300, user: 1)
            .Job(submit: 500, processors: 1, run: 250, user: 1)
            .Build();

        var result = OnlineEvaluation.Run(workload, new Duration[3], new TsafrirPredictor());

        Assert.False(result.Predictions[0].HasPoint);
        Assert.Equal(200, result.Predictions[2].Point);
        Assert.Equal(2, result.Accuracy.WithoutEstimate);
        Assert.Equal(1, result.Accuracy.Count);
        Assert.Equal(50, result.Accuracy.MeanAbsoluteError);
    }

    [Fact]
    public void Run_WaitsOfWrongLength_Throws()
    {
        var workload = new WorkloadBuilder().Job(0, 1, 10, 20).Build();

        Assert.Throws<ArgumentException>(() => OnlineEvaluation.Run(workload, [], new TsafrirPredictor()));
    }
}
