using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Prediction;

/// <summary>A running job has reached the end the scheduler planned for it and is still running.</summary>
/// <param name="Job">The job.</param>
/// <param name="Initial">The prediction made at its submission.</param>
/// <param name="InitialEstimate">The run time first planned with (the prediction, capped by the request).</param>
/// <param name="CurrentEstimate">The run time planned with until now; the job has run this long.</param>
/// <param name="CorrectionsSoFar">How many times this job's estimate was corrected before (0 at the first expiry).</param>
public readonly record struct CorrectionRequest(JobRequest Job, Prediction Initial, Duration InitialEstimate, Duration CurrentEstimate, int CorrectionsSoFar);
