using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Simulation.Predictions;

/// <summary>The simulator's side of prediction: asks, remembers and corrects each job's estimate.</summary>
internal sealed class PredictionLog
{
    private readonly RunTimeEstimator estimator;
    private readonly Prediction[] predictions;
    private readonly Duration[] initialEstimates;
    private readonly Duration[] estimates;
    private readonly int[] corrections;

    public PredictionLog(RunTimeEstimator estimator, int jobs)
    {
        this.estimator = estimator;
        predictions = new Prediction[jobs];
        initialEstimates = new Duration[jobs];
        estimates = new Duration[jobs];
        corrections = new int[jobs];
    }

    public Duration EstimateOf(JobRequest job) => estimates[job.Index];

    public void Predict(JobRequest job, in PredictionContext context)
    {
        var estimate = estimator.Estimate(job, context, out var prediction);
        predictions[job.Index] = prediction;
        initialEstimates[job.Index] = estimate;
        estimates[job.Index] = estimate;
    }

    public void Learn(JobRequest job, JobOutcome outcome, Instant end) => estimator.Predictor.Learn(job, outcome, end);

    /// <summary>The corrected estimate of a running job that has outlived <paramref name="current"/>.</summary>
    public Duration Correct(JobRequest job, Duration current)
    {
        var index = job.Index;
        var corrected = estimator.Correct(new CorrectionRequest(job, predictions[index], initialEstimates[index], current, corrections[index]));
        corrections[index]++;
        estimates[index] = corrected;
        return corrected;
    }

    public PredictionRecord ToRecord() =>
        new(estimator.Predictor.Id, estimator.Corrector.Id, estimator.Predictor.IsOracle, predictions, initialEstimates, corrections);
}
