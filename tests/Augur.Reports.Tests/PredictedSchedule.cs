using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Simulation;
using Augur.Simulation.Engine;
using Augur.Testing;
using PointPrediction = Augur.Core.Prediction.Prediction;

namespace Augur.Reports.Tests;

/// <summary>
/// A schedule planned with predictions, small enough to check by hand, on 4 processors under strict FCFS;
/// a job that outlives its estimate gets 60 s more each time.
/// <code>
/// job procs run request predicted         estimate (s)        start end corrections
///  1    2   100   200  100 [p10 90, p90 110]  100                 0   100  0
///  2    2   250  1000  100 [p10 50, p90 200]  100 -> 160 -> 220 -> 280   0   250  3
///  3    1     5    10  20.5 (capped)          10                100   105  0
///  4    1    30   100  12.5                   12.5 -> 72.5        100   130  1
/// </code>
/// Jobs 3 and 4 arrive at 10 and wait for job 1's end at 100.
/// </summary>
internal static class PredictedSchedule
{
    public static SimulationResult Run(bool quantiles = true, bool oracle = false)
    {
        var workload = new WorkloadBuilder()
            .Job(submit: 0, processors: 2, run: 100, requested: 200, id: 1)
            .Job(submit: 0, processors: 2, run: 250, requested: 1000, id: 2)
            .Job(submit: 10, processors: 1, run: 5, requested: 10, id: 3)
            .Job(submit: 10, processors: 1, run: 30, requested: 100, id: 4)
            .Build("predicted");
        var predictions = new Dictionary<long, PointPrediction>
        {
            [1] = quantiles ? PointPrediction.WithQuantiles(100, 90, 100, 110) : PointPrediction.Of(100),
            [2] = quantiles ? PointPrediction.WithQuantiles(100, 50, 100, 200) : PointPrediction.Of(100),
            [3] = PointPrediction.Of(20.5),
            [4] = PointPrediction.Of(12.5),
        };
        var estimator = new RunTimeEstimator(new TablePredictor(predictions, oracle), new PlusMinuteCorrector());
        return Simulator.Run(workload, ClusterSpec.FromProcessors(4), new StrictFirstComeFirstServed(), estimator);
    }

    private sealed class TablePredictor(Dictionary<long, PointPrediction> predictions, bool oracle) : IPredictor
    {
        public string Id => oracle ? "predictor/test-oracle" : "predictor/test-table";

        public PredictionTarget Target => PredictionTarget.RunTime;

        public bool IsOracle => oracle;

        public PointPrediction Predict(JobRequest job, in PredictionContext context) => predictions[job.Id];

        public void Learn(JobRequest job, JobOutcome outcome, Instant end)
        {
        }
    }

    private sealed class PlusMinuteCorrector : ICorrector
    {
        public string Id => "corrector/test-plus-minute";

        public Duration Correct(in CorrectionRequest request) => request.CurrentEstimate + Duration.FromSeconds(60);
    }

    private sealed class StrictFirstComeFirstServed : IPolicy
    {
        public string Id => "test/fcfs";

        public void Decide(SchedulingContext context)
        {
            while (context.Waiting.Head is { } head && head.Processors <= context.Profile.FreeAt(context.Now))
            {
                context.Start(head);
            }
        }
    }
}
