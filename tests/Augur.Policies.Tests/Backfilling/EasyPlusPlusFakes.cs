using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using PointPrediction = Augur.Core.Prediction.Prediction;

namespace Augur.Policies.Tests.Backfilling;

/// <summary>
/// Predictors and correctors for the EASY++ tests (this project does not reference Augur.Prediction): a
/// table by job id (else the request), the request, and a copy of predictor/tsafrir's and
/// corrector/tsafrir's rules, written here from their documentation.
/// </summary>
internal static class EasyPlusPlusFakes
{
    public static RunTimeEstimator Table(Dictionary<long, double> seconds, ICorrector? corrector = null) =>
        new(new TablePredictor(seconds), corrector ?? new RequestCorrector());

    public static RunTimeEstimator Request() => new(new TablePredictor([]), new RequestCorrector());

    public static RunTimeEstimator Tsafrir() => new(new TsafrirLikePredictor(), new TsafrirLikeCorrector());

    public sealed class RequestCorrector : ICorrector
    {
        public string Id => "corrector/test-request";

        public Duration Correct(in CorrectionRequest request) => request.Job.RequestedTime;
    }

    private sealed class TablePredictor(Dictionary<long, double> seconds) : IPredictor
    {
        public string Id => "predictor/test-table";

        public PredictionTarget Target => PredictionTarget.RunTime;

        public bool IsOracle => false;

        public PointPrediction Predict(JobRequest job, in PredictionContext context) =>
            PointPrediction.Of(seconds.TryGetValue(job.Id, out var value) ? value : job.RequestedTime.TotalSeconds);

        public void Learn(JobRequest job, JobOutcome outcome, Instant end)
        {
        }
    }

    /// <summary>Mean of the user's last two run times (whole seconds, rounded down), capped by the request.</summary>
    private sealed class TsafrirLikePredictor : IPredictor
    {
        private readonly Dictionary<int, List<long>> history = [];

        public string Id => "predictor/test-tsafrir";

        public PredictionTarget Target => PredictionTarget.RunTime;

        public bool IsOracle => false;

        public PointPrediction Predict(JobRequest job, in PredictionContext context)
        {
            var requested = job.RequestedTime.TotalSeconds;
            if (history.TryGetValue(job.Features.User, out var runs) && runs.Count >= 2)
            {
                return PointPrediction.Of(Math.Min(requested, (runs[^1] + runs[^2]) / 2));
            }

            return PointPrediction.Of(requested);
        }

        public void Learn(JobRequest job, JobOutcome outcome, Instant end)
        {
            if (!history.TryGetValue(job.Features.User, out var runs))
            {
                runs = [];
                history.Add(job.Features.User, runs);
            }

            runs.Add(outcome.RunTime.WholeSeconds);
        }
    }

    private sealed class TsafrirLikeCorrector : ICorrector
    {
        private static readonly long[] Steps = [60, 300, 900, 1800, 3600, 7200, 18_000, 36_000, 72_000, 180_000, 360_000];

        public string Id => "corrector/test-tsafrir";

        public Duration Correct(in CorrectionRequest request) =>
            request.CorrectionsSoFar < Steps.Length
                ? request.InitialEstimate + Duration.FromSeconds(Steps[request.CorrectionsSoFar])
                : request.Job.RequestedTime;
    }
}
