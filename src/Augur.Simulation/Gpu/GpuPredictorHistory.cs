using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;

namespace Augur.Simulation.Gpu;

/// <summary>
/// Teaches a learned predictor a site's history before a run (<c>--history-jobs</c>): each past job is predicted
/// at its submission and learned at its end, as the driver does during a run, so that a predictor whose state
/// follows the order of events (a retraining schedule, bursts of submissions) sees them as it would have live.
/// A past job ends at its submission plus its run time: a trace records when a job was submitted and how long it
/// ran, not how long it waited. At one instant, submissions come before ends, as in the driver.
/// </summary>
public static class GpuPredictorHistory
{
    public static void Teach(IGpuPredictor predictor, IReadOnlyList<GpuWorkloadJob> history)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(history);

        // Ends sorted by instant, then by submission order; submissions are in order already.
        var ends = new int[history.Count];
        var endInstants = new long[history.Count];
        for (var i = 0; i < history.Count; i++)
        {
            ends[i] = i;
            endInstants[i] = (history[i].Request.Submit + history[i].RunTime).Microseconds;
        }

        Array.Sort(endInstants, ends);
        SortTiesBySubmission(endInstants, ends);
        var nextEnd = 0;
        for (var submitted = 0; submitted < history.Count; submitted++)
        {
            var submit = history[submitted].Request.Submit;
            for (; nextEnd < ends.Length && endInstants[nextEnd] < submit.Microseconds; nextEnd++)
            {
                Learn(predictor, history[ends[nextEnd]]);
            }

            predictor.Predict(history[submitted].Request, submit);
        }

        for (; nextEnd < ends.Length; nextEnd++)
        {
            Learn(predictor, history[ends[nextEnd]]);
        }
    }

    private static void Learn(IGpuPredictor predictor, GpuWorkloadJob job) =>
        predictor.Learn(job.Request, job.RunTime, job.Request.Submit + job.RunTime);

    // Array.Sort is not stable: jobs that end at one instant go back into submission order.
    private static void SortTiesBySubmission(long[] instants, int[] jobs)
    {
        for (var start = 0; start < instants.Length;)
        {
            var end = start + 1;
            while (end < instants.Length && instants[end] == instants[start])
            {
                end++;
            }

            Array.Sort(jobs, start, end - start);
            start = end;
        }
    }
}
