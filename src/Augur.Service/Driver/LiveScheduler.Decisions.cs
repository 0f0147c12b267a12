using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Service.Executors;
using Augur.Service.Store;

namespace Augur.Service.Driver;

public sealed partial class LiveScheduler
{
    /// <inheritdoc/>
    public Instant StartJob(JobRequest job, bool backfilled)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Index >= jobsByIndex.Count || jobsByIndex[job.Index] is not { } live || !ReferenceEquals(live.Request, job))
        {
            throw Invalid($"started {job}, which this service does not know");
        }

        if (!context.Waiting.Contains(job))
        {
            throw Invalid($"started {job}, which is not waiting");
        }

        // The policy's view and the processes really running must both allow it: never over-allocate.
        var free = Math.Min(context.Profile.FreeAt(now), machine.Processors - allocatedProcessors);
        if (job.Processors > free)
        {
            throw Invalid($"started {job} needing {job.Processors} processors at {now}, when only {free} of {machine.Processors} were free");
        }

        var applying = time.GetTimestamp();
        try
        {
            return Apply(live, job);
        }
        finally
        {
            applyingTicks += time.GetTimestamp() - applying;
        }
    }

    /// <summary>Starts a checked decision: the store first (running, no process yet), then the process, then its pid.</summary>
    private Instant Apply(LiveJob live, JobRequest job)
    {
        context.Waiting.Remove(job);
        waitingProcessors -= job.Processors;
        var predicted = estimator is not null && live.Estimate != Duration.MaxValue ? live.Estimate.TotalSeconds : (double?)null;
        if (!store.MarkStarting(live.Record.Id, now.Microseconds, predicted))
        {
            // The store no longer holds it queued (it ended elsewhere): starting it could run it twice.
            log.WriteLine($"augur serve: job {live.Record.Id} is no longer queued in the store; not started");
            Forget(live, ended: false);
            return now;
        }

        LaunchedProcess? launched;
        try
        {
            launched = executor.Launch(live.Record, now.Microseconds);
        }
        catch (Exception exception) when (exception is LaunchFailedException or IOException or UnauthorizedAccessException)
        {
            // The job could not run at all: it fails now and never holds processors.
            store.MarkEnded(live.Record.Id, new JobEnding(JobState.Failed, now.Microseconds, null, null, exception.Message));
            RecordEnd(live, JobState.Failed, startMicroseconds: null, now.Microseconds);
            Forget(live, ended: true);
            metrics.RecordFinished(null, 0);
            return now;
        }

        if (launched is { } process)
        {
            store.SetProcess(live.Record.Id, process.ProcessId, process.StartTicks);
        }

        live.IsRunning = true;
        live.Start = now;
        Users.Start(live.Record.Specification.User, job.Processors);
        live.PlannedEnd = now + live.Estimate;
        context.Profile.Add(new RunningJob(job, now, live.PlannedEnd));
        allocatedProcessors += job.Processors;
        reservedMemory += live.Record.Specification.MemoryMegabytes;
        return live.PlannedEnd;
    }

    /// <inheritdoc/>
    public void WakeAt(Instant instant)
    {
        if (instant < now)
        {
            throw Invalid($"asked to wake at {instant}, before now ({now})");
        }

        if (instant != Instant.MaxValue && !(instant == now && context.Trigger == DecisionTrigger.WakeUp))
        {
            wakeUps.Add(instant.Microseconds);
        }
    }

    /// <summary>The next instant the loop must act without a message: a wake-up or a planned end.</summary>
    private Instant NextTimer()
    {
        var next = wakeUps.Count > 0 ? new Instant(wakeUps.Min) : Instant.MaxValue;
        foreach (var running in context.Profile)
        {
            // Sorted by planned end: the first is the earliest.
            return Instant.Min(next, running.EstimatedEnd);
        }

        return next;
    }

    /// <summary>
    /// Corrects every running job that has outlived its planned end, then tells the policy of each (so that no
    /// decision ever sees a running job's processors as free), then runs the wake-ups that are due.
    /// </summary>
    private void HandleTimers()
    {
        expired.Clear();
        foreach (var running in context.Profile)
        {
            if (running.EstimatedEnd > now)
            {
                break;
            }

            expired.Add(jobsByIndex[running.Request.Index]!);
        }

        var previousEnds = new Instant[expired.Count];
        for (var i = 0; i < expired.Count; i++)
        {
            previousEnds[i] = Correct(expired[i]);
        }

        for (var i = 0; i < expired.Count; i++)
        {
            var job = expired[i];
            var started = time.GetTimestamp();
            context.BeginExpiry(now, new RunningJob(job.Request, job.Start, job.PlannedEnd), previousEnds[i]);
            DecideTimed(started);
        }

        while (wakeUps.Count > 0 && wakeUps.Min <= now.Microseconds)
        {
            wakeUps.Remove(wakeUps.Min);
            Decide(DecisionTrigger.WakeUp, null, default);
        }
    }

    /// <summary>Extends a running job's planned end (the corrector's answer, or a short overrun past its limit); returns the old end.</summary>
    private Instant Correct(LiveJob job)
    {
        var previous = job.PlannedEnd;
        var corrected = Instant.MaxValue;
        if (estimator is not null && job.Estimate < job.Request.RequestedTime)
        {
            corrected = job.Start + estimator.Correct(new CorrectionRequest(job.Request, job.Prediction, job.InitialEstimate, job.Estimate, job.Corrections));
        }

        if (corrected <= now || corrected == Instant.MaxValue && job.Request.HasRequestedTime)
        {
            corrected = now + Overrun;
        }

        job.Corrections++;
        job.Estimate = corrected - job.Start;
        job.PlannedEnd = corrected;
        context.Profile.ChangeEstimatedEnd(job.Request, previous, corrected);
        return previous;
    }

    private InvalidDecisionException Invalid(string what) => new($"policy {policy.Id} {what}.");
}
