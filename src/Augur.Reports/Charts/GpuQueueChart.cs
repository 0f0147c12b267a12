using Augur.Reports.Runs;

namespace Augur.Reports.Charts;

/// <summary>
/// Jobs waiting over time in a GPU run: the batch report's queue-length chart (<see cref="TimelineCharts"/>, exact
/// step functions reduced to equal intervals) over the GPU jobs. jobs.csv records a job's first start only, so a
/// preempted job counts as waiting from its submission to its first start and not while it waits to resume.
/// </summary>
public static class GpuQueueChart
{
    public static Chart Build(IReadOnlyList<GpuJobRow> jobs, int intervals = TimelineCharts.DefaultIntervals)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var rows = new JobRow[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];

            // A job preempted and never resumed ends, for the queue, at its first start; GPUs do not count here.
            var end = job.Finished ? job.End : job.Start;
            rows[i] = new JobRow(i, job.Submit, job.Start, end, job.Wait, end - job.Start, 1, double.NaN, -1, double.NaN);
        }

        var (queue, _) = TimelineCharts.Build(rows, processors: 1, intervals);
        return new Chart("gpu-queue", "Jobs waiting over time", queue.X, queue.Y, queue.XValues, queue.Series)
        {
            Note = queue.Note + " A preempted job counts until its first start only (jobs.csv does not record when it waits again).",
        };
    }
}
