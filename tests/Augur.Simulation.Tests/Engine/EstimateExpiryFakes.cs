using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using PointPrediction = Augur.Core.Prediction.Prediction;

namespace Augur.Simulation.Tests.Engine;

/// <summary>
/// Test doubles for the simulator's prediction side (this project does not reference Augur.Prediction):
/// a predictor that answers from a table by job id (else the request) and logs every call, and correctors
/// with corrector/tsafrir's and corrector/request's rules.
/// </summary>
internal static class EstimateExpiryFakes
{
    /// <summary>corrector/tsafrir's rule: the first estimate plus 1, 5, 15, 30 min, 1, 2, 5, 10, 20, 50, 100 h, then the request.</summary>
    public static ICorrector TsafrirSteps { get; } = new StepCorrector();

    public static ICorrector Request { get; } = new RequestCorrector();

    internal sealed class TablePredictor(IReadOnlyDictionary<long, double> seconds, List<string>? log = null) : IPredictor
    {
        public string Id => "predictor/test-table";

        public PredictionTarget Target => PredictionTarget.RunTime;

        public bool IsOracle => false;

        public List<(long Job, Duration Run, Instant End)> Learned { get; } = [];

        public PointPrediction Predict(JobRequest job, in PredictionContext context)
        {
            log?.Add(FormattableString.Invariant($"predict {job.Id} (waiting {context.WaitingJobs}/{context.WaitingProcessors}, running {context.RunningJobs}/{context.BusyProcessors})"));
            return PointPrediction.Of(seconds.TryGetValue(job.Id, out var value) ? value : job.RequestedTime.TotalSeconds);
        }

        public void Learn(JobRequest job, JobOutcome outcome, Instant end)
        {
            log?.Add(FormattableString.Invariant($"learn {job.Id} ran {outcome.RunTime.TotalSeconds} s, ended {end.WholeSeconds}"));
            Learned.Add((job.Id, outcome.RunTime, end));
        }
    }

    private sealed class StepCorrector : ICorrector
    {
        private static readonly long[] Steps = [60, 300, 900, 1800, 3600, 7200, 18_000, 36_000, 72_000, 180_000, 360_000];

        public string Id => "corrector/test-tsafrir-steps";

        public Duration Correct(in CorrectionRequest request) =>
            request.CorrectionsSoFar < Steps.Length
                ? request.InitialEstimate + Duration.FromSeconds(Steps[request.CorrectionsSoFar])
                : request.Job.RequestedTime;
    }

    private sealed class RequestCorrector : ICorrector
    {
        public string Id => "corrector/test-request";

        public Duration Correct(in CorrectionRequest request) => request.Job.RequestedTime;
    }
}
