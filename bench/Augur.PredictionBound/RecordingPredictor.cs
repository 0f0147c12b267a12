using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.PredictionBound;

/// <summary>Passes a learned predictor through and keeps what it predicted for each job, to measure its error afterwards.</summary>
internal sealed class RecordingPredictor(IGpuPredictor inner, int jobs) : IGpuPredictor
{
    public long[] Predictions { get; } = new long[jobs];

    public string Id => inner.Id;

    public Duration Predict(GpuJobRequest job, Instant now)
    {
        var prediction = inner.Predict(job, now);
        Predictions[job.Index] = prediction.Microseconds;
        return prediction;
    }

    public void Learn(GpuJobRequest job, Duration runTime, Instant end) => inner.Learn(job, runTime, end);
}
