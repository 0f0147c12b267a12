using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Scheduling;

/// <summary>
/// A started job as a policy sees it: when it started and when the scheduler expects it to end (its
/// requested end, or a predicted end). The true end is not here.
/// </summary>
public readonly record struct RunningJob(JobRequest Request, Instant Start, Instant EstimatedEnd);
