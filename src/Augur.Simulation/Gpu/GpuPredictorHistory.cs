using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Simulation.Gpu;

/// <summary>
/// Teaches a learned predictor a site's history before a run (<c>--history-jobs</c>): each past job is predicted
/// at its submission and learned at its end, as the driver does during a run, so that a predictor whose state
/// follows the order of events (a retraining schedule, bursts of submissions) sees them as it would have live.
/// A past job ends at its submission plus its run time: a trace records when a job was submitted and how long it
/// ran, not how long it waited. At one instant, submissions come before ends, as in the driver. A past job still
/// running when the run begins is learned only at its end, during the run: a scheduler could not know its run
/// time before.
/// </summary>
public static class GpuPredictorHistory
{
    /// <summary>
    /// Teaches <paramref name="predictor"/> the history up to <paramref name="runBegins"/> (the first simulated
    /// submission) and returns the predictor to run with: <paramref name="predictor"/> itself, or, when past jobs
    /// end after the run begins, a predictor that teaches each of them at its end before passing calls on.
    /// </summary>
    /// <param name="history">The past jobs in submission order, indexed apart from the simulated ones (<see cref="GpuWorkload.Split"/>).</param>
    public static IGpuPredictor Teach(IGpuPredictor predictor, IReadOnlyList<GpuWorkloadJob> history, Instant runBegins)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(history);
        var ends = new HistoryEnds(history);
        for (var submitted = 0; submitted < history.Count; submitted++)
        {
            var submit = history[submitted].Request.Submit;
            ends.LearnBefore(predictor, submit, inclusive: false);
            predictor.Predict(history[submitted].Request, submit);
        }

        // Ends at the instant the run begins come after its first submission, so they wait too.
        ends.LearnBefore(predictor, runBegins, inclusive: false);
        return ends.AllLearned ? predictor : new Replay(predictor, ends);
    }

    /// <summary>The past jobs' ends in time order (ties in submission order), learned from the front.</summary>
    private sealed class HistoryEnds
    {
        private readonly IReadOnlyList<GpuWorkloadJob> history;

        // (end in microseconds, position in the history): sorted as pairs, so ends at one instant keep submission order.
        private readonly (long Instant, int Job)[] ends;
        private int next;

        public HistoryEnds(IReadOnlyList<GpuWorkloadJob> history)
        {
            this.history = history;
            ends = new (long, int)[history.Count];
            for (var i = 0; i < history.Count; i++)
            {
                ends[i] = ((history[i].Request.Submit + history[i].RunTime).Microseconds, i);
            }

            Array.Sort(ends);
        }

        public bool AllLearned => next == ends.Length;

        /// <summary>Learns the ends before <paramref name="instant"/> (and at it when <paramref name="inclusive"/>) not learned yet.</summary>
        public void LearnBefore(IGpuPredictor predictor, Instant instant, bool inclusive)
        {
            for (; next < ends.Length && (ends[next].Instant < instant.Microseconds || (inclusive && ends[next].Instant == instant.Microseconds)); next++)
            {
                var job = history[ends[next].Job];
                predictor.Learn(job.Request, job.RunTime, job.Request.Submit + job.RunTime);
            }
        }
    }

    /// <summary>
    /// Passes a run's calls on to the taught predictor, first teaching it the past jobs that have ended by then:
    /// before a prediction at t, those that ended before t (submissions first at an instant); before a run's end at
    /// t, those that ended by t (the past job first).
    /// </summary>
    private sealed class Replay(IGpuPredictor inner, HistoryEnds ends) : IGpuPredictor
    {
        public string Id => inner.Id;

        public Duration Predict(GpuJobRequest job, Instant now)
        {
            ends.LearnBefore(inner, now, inclusive: false);
            return inner.Predict(job, now);
        }

        public void Learn(GpuJobRequest job, Duration runTime, Instant end)
        {
            ends.LearnBefore(inner, end, inclusive: true);
            inner.Learn(job, runTime, end);
        }
    }
}
