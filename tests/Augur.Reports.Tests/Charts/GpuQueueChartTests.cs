using Augur.Reports.Charts;
using Augur.Reports.Runs;

namespace Augur.Reports.Tests.Charts;

public sealed class GpuQueueChartTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Build_FinishedAndNeverStartedJobs_CountsJobsSubmittedAndNotStarted()
    {
        GpuJobRow[] jobs =
        [
            GpuJobRows.Finished(submit: 0, start: 0, end: 10),
            GpuJobRows.Finished(submit: 5, start: 10, end: 30, gpus: 8),
            GpuJobRows.NeverStarted(submit: 5),
        ];

        var chart = GpuQueueChart.Build(jobs, intervals: 3);

        // 0-30 s in 3 intervals of 10 s. Waiting: none in 0-5, two (the 8-GPU job and the one never started) in
        // 5-10, one (never started, until the last event at 30) after: means 1, 1, 1; maxima 2, 1, 1. GPUs do not count.
        Assert.Equal("gpu-queue", chart.Id);
        Assert.Equal(new double[] { 1, 1, 1 }, chart.Series[0].Values);
        Assert.Equal(new double[] { 2, 1, 1 }, chart.Series[1].Values);
        Assert.Contains("A preempted job counts until its first start only", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_JobPreemptedAndNeverResumed_WaitsUntilItsFirstStart()
    {
        GpuJobRow[] jobs =
        [
            GpuJobRows.Finished(submit: 0, start: 0, end: 40),
            GpuJobRows.NeverFinished(submit: 0, start: 20),
        ];

        var chart = GpuQueueChart.Build(jobs, intervals: 2);

        // 0-40 s in 2 intervals of 20 s: the preempted job waits 0-20 (1 job), then nothing waits.
        Assert.Equal(1, chart.Series[0].Values[0], Tolerance);
        Assert.Equal(0, chart.Series[0].Values[1], Tolerance);
    }
}
