using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Policies.Queueing;

/// <summary>
/// Base of the score-based orders. Scores work in seconds, as the published formulas do; a job without a
/// requested time plans with an unbounded one and so sorts last wherever the request raises the score.
/// </summary>
public abstract class QueueOrder : IQueueOrder
{
    public abstract string Id { get; }

    public virtual bool IsArrivalOrder => false;

    public double Score(JobRequest job, Instant now, Duration plannedRunTime)
    {
        ArgumentNullException.ThrowIfNull(job);
        var requested = plannedRunTime.TotalSeconds;
        var submit = job.Submit.Microseconds / (double)Duration.MicrosecondsPerSecond;
        var waiting = (now - job.Submit).TotalSeconds;
        return Score(requested, job.Processors, submit, waiting);
    }

    /// <param name="requestedSeconds">r: the planned (requested) run time, seconds.</param>
    /// <param name="processors">n: processors.</param>
    /// <param name="submitSeconds">s: the submit time, seconds since the trace's origin.</param>
    /// <param name="waitingSeconds">w: time waited so far, seconds.</param>
    protected abstract double Score(double requestedSeconds, int processors, double submitSeconds, double waitingSeconds);
}
