using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Simulation.Gpu;

namespace Augur.Simulation.Tests.Gpu;

public sealed class GpuPredictorHistoryTests
{
    [Fact]
    public void Teach_OverlappingJobs_PredictsAtSubmissionsAndLearnsAtEndsInTimeOrder()
    {
        // Submit s, run s: j0 0+30 (ends 30), j1 10+0 (ends 10), j2 30+5 (ends 35), j3 30+0 (ends 30).
        var workload = GpuJobs.Whole((0, 1, 30), (10, 1, 0), (30, 1, 5), (30, 1, 0));
        var predictor = new RecordingPredictor();

        var taught = GpuPredictorHistory.Teach(predictor, workload.Jobs, Instant.FromSeconds(1000));

        // Every past job ended before the run begins: the predictor itself runs. j1 ends when it is submitted: predicted first. At 30, the submissions of j2 and j3 come before the ends of
        // j0 and j3 (in submission order), as in the driver; j2 ends last.
        Assert.Equal(
            ["predict 0 at 0", "predict 1 at 10", "learn 1: 0 s at 10", "predict 2 at 30", "predict 3 at 30", "learn 0: 30 s at 30", "learn 3: 0 s at 30", "learn 2: 5 s at 35"],
            predictor.Calls);
        Assert.Same(predictor, taught);
    }

    [Fact]
    public void Teach_APastJobStillRunningWhenTheRunBegins_IsLearnedAtItsEndDuringTheRun()
    {
        // Past: h0 at 0 s for 100 s (ends 100), h1 at 5 s for 10 s (ends 15). Simulated: s0 at 50 s (runs 50 s), s1
        // at 100 s. The run begins at 50: h1 is known by then, h0 only from 100 s on.
        var (history, simulated) = GpuJobs.Whole((0, 1, 100), (5, 1, 10), (50, 1, 50), (100, 1, 10)).Split(2);
        var predictor = new RecordingPredictor();

        var taught = GpuPredictorHistory.Teach(predictor, history, Instant.FromSeconds(50));
        taught.Predict(simulated.Jobs[0].Request, Instant.FromSeconds(50));
        taught.Predict(simulated.Jobs[1].Request, Instant.FromSeconds(100));
        taught.Learn(simulated.Jobs[0].Request, Duration.FromSeconds(50), Instant.FromSeconds(100));

        // History is numbered after the simulated jobs (h0 = 2, h1 = 3). s1's prediction at 100 s comes before h0's
        // end at 100 s (submissions first at an instant); s0's end at 100 s comes after it (the past job first).
        Assert.Equal(
            ["predict 2 at 0", "predict 3 at 5", "learn 3: 10 s at 15", "predict 0 at 50", "predict 1 at 100", "learn 2: 100 s at 100", "learn 0: 50 s at 100"],
            predictor.Calls);
        Assert.Equal(predictor.Id, taught.Id);
    }

    [Fact]
    public void Teach_NoHistory_CallsNothing()
    {
        var predictor = new RecordingPredictor();

        var taught = GpuPredictorHistory.Teach(predictor, [], Instant.Zero);

        Assert.Empty(predictor.Calls);
        Assert.Same(predictor, taught);
    }

    private sealed class RecordingPredictor : IGpuPredictor
    {
        public List<string> Calls { get; } = [];

        public string Id => "predictor/recording";

        public Duration Predict(GpuJobRequest job, Instant now)
        {
            Calls.Add($"predict {job.Index} at {now.Microseconds / 1_000_000}");
            return Duration.Zero;
        }

        public void Learn(GpuJobRequest job, Duration runTime, Instant end) =>
            Calls.Add($"learn {job.Index}: {runTime.TotalSeconds} s at {end.Microseconds / 1_000_000}");
    }
}
