using Augur.Core.Jobs;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Service.Executors;
using Augur.Service.Store;

namespace Augur.Service.Driver;

public sealed partial class LiveScheduler
{
    private void HandleEnd(ProcessExit exit)
    {
        if (!jobsById.TryGetValue(exit.JobId, out var live) || !live.IsRunning)
        {
            log.WriteLine($"augur serve: an end was reported for job {exit.JobId}, which is not running; ignored.");
            return;
        }

        var ending = exit.Ending;
        store.MarkEnded(live.Record.Id, ending);
        var planned = context.Profile.Remove(live.Request, live.PlannedEnd);
        allocatedProcessors -= live.Request.Processors;
        reservedMemory -= live.Record.Specification.MemoryMegabytes;
        // An executor that knows when the job really started (Slurm) is believed over the moment Augur asked.
        var startMicroseconds = ending.StartMicroseconds ?? live.Start.Microseconds;
        RecordEnd(live, ending.State, startMicroseconds, ending.EndMicroseconds);
        Forget(live, ended: true);
        var runTime = new Duration(Math.Max(0, ending.EndMicroseconds - startMicroseconds));
        if (estimator is not null && LearnsFrom(ending.State))
        {
            estimator.Predictor.Learn(live.Request, Outcome(ending, runTime), new Instant(ending.EndMicroseconds));
        }

        var estimate = estimator is not null && LearnsFrom(ending.State) && live.InitialEstimate != Duration.MaxValue ? live.InitialEstimate.TotalSeconds : (double?)null;
        metrics.RecordFinished(estimate, runTime.TotalSeconds);
        Decide(DecisionTrigger.Termination, null, planned);
    }

    /// <summary>
    /// Predictors learn from jobs that ran to an end of their own or to their limit; a cancelled or lost job's run
    /// time says nothing about what it needs.
    /// </summary>
    private static bool LearnsFrom(JobState state) => state is JobState.Completed or JobState.Failed or JobState.Timeout;

    private static JobOutcome Outcome(JobEnding ending, Duration runTime) => new(
        runTime,
        ending.PeakRssKilobytes ?? JobRequest.Unknown,
        ending.State switch
        {
            JobState.Completed => JobExitKind.Completed,
            JobState.Timeout => JobExitKind.KilledAtLimit,
            _ => JobExitKind.Failed,
        });

    private CancelOutcome Cancel(long jobId, string by)
    {
        if (!jobsById.TryGetValue(jobId, out var live))
        {
            return store.Find(jobId) is null ? CancelOutcome.NotFound : CancelOutcome.AlreadyEnded;
        }

        if (live.IsRunning)
        {
            executor.Stop(jobId, JobState.Cancelled, $"cancelled by {by}");
            return CancelOutcome.Stopping;
        }

        context.Waiting.Remove(live.Request);
        waitingProcessors -= live.Request.Processors;
        store.MarkEnded(jobId, new JobEnding(JobState.Cancelled, now.Microseconds, null, null, $"cancelled by {by} while queued"));
        RecordEnd(live, JobState.Cancelled, startMicroseconds: null, now.Microseconds);
        Forget(live, ended: true);

        // A job left the queue: the policy may start others earlier (EASY's reservation may move).
        Decide(DecisionTrigger.WakeUp, null, default);
        return CancelOutcome.Cancelled;
    }

    /// <summary>Drops a job that left the scheduler: it <paramref name="ended"/>, or the store no longer had it queued.</summary>
    private void Forget(LiveJob live, bool ended)
    {
        Users.Leave(live.Record.Specification.User, live.Request.Processors, live.IsRunning, ended);
        jobsById.Remove(live.Record.Id);
        jobsByIndex[live.Request.Index] = null;
    }
}
