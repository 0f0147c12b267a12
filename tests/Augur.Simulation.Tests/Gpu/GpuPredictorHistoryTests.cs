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

        GpuPredictorHistory.Teach(predictor, workload.Jobs);

        // j1 ends when it is submitted: predicted first. At 30, the submissions of j2 and j3 come before the ends of
        // j0 and j3 (in submission order), as in the driver; j2 ends last.
        Assert.Equal(
            ["predict 0 at 0", "predict 1 at 10", "learn 1: 0 s at 10", "predict 2 at 30", "predict 3 at 30", "learn 0: 30 s at 30", "learn 3: 0 s at 30", "learn 2: 5 s at 35"],
            predictor.Calls);
    }

    [Fact]
    public void Teach_NoHistory_CallsNothing()
    {
        var predictor = new RecordingPredictor();

        GpuPredictorHistory.Teach(predictor, []);

        Assert.Empty(predictor.Calls);
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
