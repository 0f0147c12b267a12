using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Policies.Queueing;

/// <summary>
/// The order in which waiting jobs are considered: a priority score, lowest first, ties broken by arrival.
/// Scores may depend on the time (waiting time grows), so they are recomputed at every decision.
/// </summary>
public interface IQueueOrder
{
    /// <summary>The order's id (<c>order/sjf</c>).</summary>
    string Id { get; }

    /// <summary>True for arrival order, which needs no scores (the fast path).</summary>
    bool IsArrivalOrder { get; }

    /// <summary>The job's priority score at <paramref name="now"/>; lower goes first.</summary>
    double Score(JobRequest job, Instant now, Duration plannedRunTime);
}
