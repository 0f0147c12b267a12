using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Scheduling;
using Augur.Core.Time;
using Augur.Service.Store;

namespace Augur.Service.Driver;

public sealed partial class LiveScheduler
{
    /// <summary>
    /// Start-up after a stop or a crash: the predictor relearns the finished jobs, running jobs are re-adopted
    /// when their process is still the same one, or else lost (and requeued if they allow it), and queued jobs
    /// wait again in their original order (docs/service.md, "Crash recovery").
    /// </summary>
    private void Recover()
    {
        if (estimator is not null)
        {
            Relearn();
        }

        foreach (var record in store.InState(JobState.Running))
        {
            if (executor.TryAdopt(record))
            {
                Adopt(record);
                continue;
            }

            var reason = record.ProcessId is { } processId
                ? $"its process (pid {processId}) was gone when the service restarted"
                : "the service stopped while starting it";
            if (record.Specification.Requeue)
            {
                store.Requeue(record.Id, $"lost once: {reason}; requeued");
            }
            else
            {
                store.MarkEnded(record.Id, new JobEnding(JobState.Lost, now.Microseconds, null, null, reason));
            }
        }

        foreach (var record in store.InState(JobState.Queued))
        {
            Admit(record);
        }

        PublishGauges();
    }

    private void Adopt(JobRecord record)
    {
        var job = Track(record);
        job.InitialEstimate = estimator is not null ? estimator.Estimate(job.Request, new PredictionContext(now, 0, 0, 0, 0), out var predicted) : job.Request.RequestedTime;
        job.Estimate = job.InitialEstimate;
        job.IsRunning = true;
        job.Start = new Instant(record.StartMicroseconds ?? now.Microseconds);
        job.PlannedEnd = job.Start + job.Estimate;
        context.Profile.Add(new RunningJob(job.Request, job.Start, job.PlannedEnd));
        allocatedProcessors += record.Specification.Processors;
        reservedMemory += record.Specification.MemoryMegabytes;
        Users.Enter(record.Specification.User, record.Specification.Processors, running: true);
    }

    /// <summary>
    /// Rebuilds the predictor's state by replaying what it saw before: each finished job's submission (a
    /// prediction, with the load of that moment rebuilt from the store's times) and its end (learning), in time
    /// order. Predictors are deterministic, so the state after the replay is the one the service had.
    /// </summary>
    private void Relearn()
    {
        var finished = store.InState(JobState.Completed, JobState.Failed, JobState.Timeout)
            .Where(job => job.StartMicroseconds is not null && job.EndMicroseconds is not null)
            .ToList();
        var events = new List<(long Time, int Kind, int Job)>(finished.Count * 3);
        for (var i = 0; i < finished.Count; i++)
        {
            // Kinds at one instant in the simulator's order: submissions, then starts, then ends.
            events.Add((finished[i].SubmitMicroseconds, 0, i));
            events.Add((finished[i].StartMicroseconds!.Value, 1, i));
            events.Add((finished[i].EndMicroseconds!.Value, 2, i));
        }

        events.Sort();
        var requests = new JobRequest[finished.Count];
        int waiting = 0, running = 0;
        long waitingProcessorsThen = 0, busyProcessorsThen = 0;
        foreach (var (instant, kind, index) in events)
        {
            var record = finished[index];
            var processors = record.Specification.Processors;
            switch (kind)
            {
                case 0:
                    requests[index] = Request(index, record);
                    estimator!.Predictor.Predict(requests[index], new PredictionContext(new Instant(instant), waiting, waitingProcessorsThen, running, busyProcessorsThen));
                    waiting++;
                    waitingProcessorsThen += processors;
                    break;
                case 1:
                    waiting--;
                    waitingProcessorsThen -= processors;
                    running++;
                    busyProcessorsThen += processors;
                    break;
                default:
                    running--;
                    busyProcessorsThen -= processors;
                    var ending = new JobEnding(record.State, instant, record.ExitCode, record.PeakRssKilobytes, record.Reason);
                    estimator!.Predictor.Learn(requests[index], Outcome(ending, new Duration(instant - record.StartMicroseconds!.Value)), new Instant(instant));
                    break;
            }
        }

        if (finished.Count > 0)
        {
            log.WriteLine($"augur serve: {estimator!.Predictor.Id} relearned {finished.Count} finished jobs.");
        }
    }

    private static JobRequest Request(int index, JobRecord record)
    {
        var specification = record.Specification;
        return new JobRequest(
            index,
            record.Id,
            new Instant(record.SubmitMicroseconds),
            specification.Processors,
            specification.WallTimeSeconds is { } seconds ? Duration.FromSeconds(seconds) : null,
            specification.MemoryMegabytes * 1024,
            new JobFeatures(StableCode.Of(specification.User), -1, StableCode.Of(specification.Command), -1, -1));
    }
}
