using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction.Gpu;

/// <summary>
/// <c>predictor/group-mean</c>: the history half of Helios's estimator on its own (alpha = 1 in its
/// CombinedEstimator): the mean run time of the ended jobs of the same group with the same request shape (GPUs
/// and share), else of the same group, else of all jobs, else 0 before any job ended. Philly's group is its
/// virtual cluster, openb's its QoS class. A mean, not a median, because shortest-expected-service-first ranks by
/// expected run time: a group whose run times are spread wide must not look as short as its typical job.
/// Learned from ended jobs only, like every predictor here.
/// </summary>
public sealed class GroupMeanPredictor : IGpuPredictor
{
    private readonly GpuFeatureExtractor history = new();

    public string Id => "predictor/group-mean";

    public Duration Predict(GpuJobRequest job, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        return HeliosPredictor.DurationOf(history.MeanRunTimeOf(job));
    }

    public void Learn(GpuJobRequest job, Duration runTime, Instant end)
    {
        ArgumentNullException.ThrowIfNull(job);
        history.Learn(job, runTime.TotalSeconds);
    }
}
