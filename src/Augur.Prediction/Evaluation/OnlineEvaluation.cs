using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Prediction.Evaluation;

/// <summary>
/// Replays a workload through a predictor online, in time order, as a scheduler would meet it: each job is
/// predicted at its submission and learned at its end (submission + the trace's wait + run), ends before
/// submissions at the same instant being learned first only when strictly earlier (pyss's order:
/// submissions, then terminations). The load the predictor sees (waiting and running jobs) is the trace's.
/// </summary>
public static class OnlineEvaluation
{
    /// <param name="workload">The jobs with their outcomes.</param>
    /// <param name="waits">The trace's wait of each job (by index); zero where the trace has none.</param>
    /// <param name="predictor">The predictor, fresh.</param>
    public static OnlineEvaluationResult Run(Workload workload, IReadOnlyList<Duration> waits, IPredictor predictor)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(waits);
        ArgumentNullException.ThrowIfNull(predictor);
        if (waits.Count != workload.Count)
        {
            throw new ArgumentException($"{waits.Count} waits for {workload.Count} jobs.", nameof(waits));
        }

        var jobs = workload.Jobs;
        var predictions = new Core.Prediction.Prediction[jobs.Count];
        var accuracy = new PredictionAccuracy();
        // Same-instant ends are learned in the order the jobs started, as the simulator does.
        var ends = new PriorityQueue<int, (long End, long Start, int Index)>();
        var starts = new PriorityQueue<int, long>();
        int waiting = 0, running = 0;
        long waitingProcessors = 0, busyProcessors = 0;
        foreach (var job in jobs)
        {
            var request = job.Request;
            var now = request.Submit.Microseconds;
            while (starts.TryPeek(out var started, out var startTime) && startTime <= now)
            {
                starts.Dequeue();
                waiting--;
                waitingProcessors -= jobs[started].Request.Processors;
                running++;
                busyProcessors += jobs[started].Request.Processors;
            }

            while (ends.TryPeek(out var ended, out var endKey) && endKey.End < now)
            {
                ends.Dequeue();
                Learn(jobs[ended], predictor, predictions, accuracy, new Instant(endKey.End));
                running--;
                busyProcessors -= jobs[ended].Request.Processors;
            }

            var context = new PredictionContext(request.Submit, waiting, waitingProcessors, running, busyProcessors);
            predictions[request.Index] = predictor.Predict(request, context);
            var start = now + waits[request.Index].Microseconds;
            waiting++;
            waitingProcessors += request.Processors;
            starts.Enqueue(request.Index, start);
            ends.Enqueue(request.Index, (start + job.Outcome.RunTime.Microseconds, start, request.Index));
        }

        while (ends.TryDequeue(out var ended, out var endKey))
        {
            Learn(jobs[ended], predictor, predictions, accuracy, new Instant(endKey.End));
        }

        return new OnlineEvaluationResult(predictor.Id, predictor.Target, predictor.IsOracle, predictions, accuracy);
    }

    private static void Learn(WorkloadJob job, IPredictor predictor, Core.Prediction.Prediction[] predictions, PredictionAccuracy accuracy, Instant end)
    {
        var prediction = predictions[job.Request.Index];
        var actual = Actual(job.Outcome, predictor.Target);
        if (actual >= 0)
        {
            // Memory the trace did not record (-1) is not scored.
            accuracy.Add(prediction.Point, actual, prediction);
        }

        predictor.Learn(job.Request, job.Outcome, end);
    }

    /// <summary>The truth in the target's unit: seconds of run time, or kilobytes of memory.</summary>
    public static double Actual(JobOutcome outcome, PredictionTarget target) =>
        target == PredictionTarget.RunTime ? outcome.RunTime.TotalSeconds : outcome.UsedMemoryKilobytes;
}
