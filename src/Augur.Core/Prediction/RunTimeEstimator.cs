using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Prediction;

/// <summary>
/// Turns a run-time predictor and a corrector into the estimates a scheduler plans with, the same way for
/// every driver: a prediction becomes a whole number of microseconds between one second and the job's
/// requested time (a resource manager kills a job there, so planning past it is pointless); no estimate
/// (<see cref="Prediction.None"/>) means the request; a correction must exceed the estimate the job has
/// outlived, or the request is used.
/// </summary>
public sealed class RunTimeEstimator
{
    private static readonly Duration Shortest = Duration.FromSeconds(1);

    public RunTimeEstimator(IPredictor predictor, ICorrector corrector)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(corrector);
        if (predictor.Target != PredictionTarget.RunTime)
        {
            throw new ArgumentException($"{predictor.Id} predicts {predictor.Target}, not run time; a scheduler plans with run times.", nameof(predictor));
        }

        Predictor = predictor;
        Corrector = corrector;
    }

    public IPredictor Predictor { get; }

    public ICorrector Corrector { get; }

    /// <summary>Predicts <paramref name="job"/>'s run time at its submission and returns the estimate to plan with.</summary>
    public Duration Estimate(JobRequest job, in PredictionContext context, out Prediction prediction)
    {
        ArgumentNullException.ThrowIfNull(job);
        prediction = Predictor.Predict(job, context);
        return Clamp(job, prediction.Point);
    }

    /// <summary>The new estimate for a running job that has outlived <see cref="CorrectionRequest.CurrentEstimate"/>.</summary>
    public Duration Correct(in CorrectionRequest request)
    {
        var job = request.Job;
        var corrected = Duration.Min(Corrector.Correct(request), job.RequestedTime);
        return corrected > request.CurrentEstimate ? corrected : job.RequestedTime;
    }

    /// <summary>Seconds to a duration within [1 s, request]; microsecond precision, rounded up; NaN (no estimate): the request.</summary>
    public static Duration Clamp(JobRequest job, double seconds)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (double.IsNaN(seconds))
        {
            return job.RequestedTime;
        }

        if (seconds <= Shortest.TotalSeconds)
        {
            return Duration.Min(Shortest, job.RequestedTime);
        }

        if (seconds >= job.RequestedTime.TotalSeconds)
        {
            return job.RequestedTime;
        }

        // Seconds in a double carry binary noise (16.1 s is 16100000.000000002 µs): a value within a
        // thousandth of a microsecond of a whole one is that microsecond, so an exact truth stays exact.
        var microseconds = seconds * Duration.MicrosecondsPerSecond;
        var nearest = Math.Round(microseconds);
        return new Duration((long)(Math.Abs(microseconds - nearest) < 1e-3 ? nearest : Math.Ceiling(microseconds)));
    }
}
