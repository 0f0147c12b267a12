using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Prediction;

/// <summary>
/// Predicts a GPU job's run time (on GPUs of one node, as the trace gives it) at its submission, and learns
/// from each job when it ends. A GPU driver calls <see cref="Predict"/> once per job as it is submitted and
/// <see cref="Learn"/> as each job ends, so a prediction only ever uses jobs that ended before it.
/// </summary>
public interface IGpuPredictor
{
    /// <summary>The stable id (<c>predictor/name</c>).</summary>
    string Id { get; }

    /// <summary>The run time predicted for <paramref name="job"/>, submitted at <paramref name="now"/>.</summary>
    Duration Predict(GpuJobRequest job, Instant now);

    /// <summary><paramref name="job"/> ended at <paramref name="end"/>; its run time was <paramref name="runTime"/>.</summary>
    void Learn(GpuJobRequest job, Duration runTime, Instant end);
}
