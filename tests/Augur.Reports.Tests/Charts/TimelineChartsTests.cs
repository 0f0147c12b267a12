using Augur.Reports.Charts;
using Augur.Reports.Runs;

namespace Augur.Reports.Tests.Charts;

public sealed class TimelineChartsTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// On 4 processors: A (2 procs) submitted and started at 0, ends at 100; B (4 procs) submitted at 20, waits
    /// until 100, ends at 200; C (1 proc) submitted at 40, starts at 50, ends at 90.
    /// Queue: [0, 20) 0, [20, 40) 1, [40, 50) 2, [50, 100) 1, [100, 200) 0.
    /// Busy: [0, 50) 2, [50, 90) 3, [90, 100) 2, [100, 200) 4.
    /// </summary>
    private static readonly JobRow[] ThreeJobs =
    [
        JobRows.Started(submit: 0, start: 0, end: 100, processors: 2),
        JobRows.Started(submit: 20, start: 100, end: 200, processors: 4),
        JobRows.Started(submit: 40, start: 50, end: 90, processors: 1),
    ];

    [Fact]
    public void Build_ThreeJobsInTwoIntervals_GivesTheTimeWeightedQueueMeanAndMaximum()
    {
        var (queue, _) = TimelineCharts.Build(ThreeJobs, processors: 4, intervals: 2);

        // From 0 to 200 in 2 intervals of 100 s. Interval 0: (0 * 20 + 1 * 20 + 2 * 10 + 1 * 50) / 100 = 0.9,
        // maximum 2. Interval 1: nobody waits.
        Assert.Equal("queue-length", queue.Id);
        Assert.Equal(["mean", "maximum"], queue.Series.Select(series => series.Label));
        Assert.Equal(0.9, queue.Series[0].Values[0], Tolerance);
        Assert.Equal(0, queue.Series[0].Values[1], Tolerance);
        Assert.Equal(new double[] { 2, 0 }, queue.Series[1].Values);
    }

    [Fact]
    public void Build_ThreeJobsInTwoIntervals_GivesTheUtilizationPerInterval()
    {
        var (_, utilization) = TimelineCharts.Build(ThreeJobs, processors: 4, intervals: 2);

        // Interval 0: (2 * 50 + 3 * 40 + 2 * 10) / 100 / 4 = 240 / 400 = 0.6. Interval 1: 4 * 100 / 100 / 4 = 1.
        Assert.Equal("utilization", utilization.Id);
        var series = Assert.Single(utilization.Series);
        Assert.Equal(0.6, series.Values[0], Tolerance);
        Assert.Equal(1, series.Values[1], Tolerance);
        Assert.Equal((0, 1), utilization.Y.Range);
    }

    [Fact]
    public void Build_ThreeJobsInTwoIntervals_PutsXAtIntervalMiddlesInDays()
    {
        var (queue, utilization) = TimelineCharts.Build(ThreeJobs, processors: 4, intervals: 2);

        // Middles of [0, 100) and [100, 200): 50 s and 150 s, in days.
        Assert.Equal(new[] { 50 / 86_400.0, 150 / 86_400.0 }, queue.XValues);
        Assert.Equal(queue.XValues, utilization.XValues);
        Assert.Contains("2 equal intervals of 100 s each", queue.Note, StringComparison.Ordinal);
        Assert.Contains("over the machine's 4", utilization.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_IntervalsOfHours_DescribesTheWidthInHours()
    {
        JobRow[] jobs = [JobRows.Started(submit: 0, start: 0, end: 14_400)];

        var (queue, _) = TimelineCharts.Build(jobs, processors: 1, intervals: 2);

        // 14,400 s in 2 intervals: 7,200 s = 2 h each.
        Assert.Contains("2 equal intervals of 2 h each", queue.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_JobThatNeverStarted_WaitsUntilTheLastEvent()
    {
        JobRow[] jobs =
        [
            JobRows.Started(submit: 0, start: 0, end: 100, processors: 1),
            JobRows.NeverStarted(submit: 50, processors: 1),
        ];

        var (queue, utilization) = TimelineCharts.Build(jobs, processors: 2, intervals: 2);

        // The last event is job 1's end at 100: intervals [0, 50) and [50, 100). The job that never started
        // waits from 50 to 100: queue 0 then 1. One of 2 processors is busy throughout: 0.5.
        Assert.Equal(new double[] { 0, 1 }, queue.Series[0].Values);
        Assert.Equal(new double[] { 0, 1 }, queue.Series[1].Values);
        Assert.Equal([0.5, 0.5], utilization.Series[0].Values);
    }

    [Fact]
    public void Build_QueueGrowsExactlyAtAnIntervalBoundary_MaximumStaysInTheLaterInterval()
    {
        JobRow[] jobs =
        [
            JobRows.Started(submit: 0, start: 0, end: 1, processors: 1),
            JobRows.Started(submit: 0.3, start: 1, end: 1, processors: 1),
        ];

        var (queue, _) = TimelineCharts.Build(jobs, processors: 1, intervals: 10);

        // From 0 to 1 in 10 intervals of 0.1 s: the second job waits from 0.3, the start of interval 3, to 1.
        // Intervals 0-2 hold an empty queue, intervals 3-9 one job (0.3 is not exact in binary, nor is
        // 3 * 0.1, but both stand for the same boundary).
        Assert.Equal(new double[] { 0, 0, 0, 1, 1, 1, 1, 1, 1, 1 }, queue.Series[1].Values);
        Assert.Equal(0, queue.Series[0].Values[2], Tolerance);
        Assert.Equal(1, queue.Series[0].Values[3], Tolerance);
    }

    [Fact]
    public void Build_NoJobs_HasNoIntervalsAndNoData()
    {
        var (queue, utilization) = TimelineCharts.Build([], processors: 4);

        Assert.Empty(queue.XValues);
        Assert.Empty(utilization.XValues);
        Assert.All(queue.Series, series => Assert.Empty(series.Values));
        Assert.False(queue.HasData);
        Assert.False(utilization.HasData);
    }

    [Fact]
    public void Build_DefaultIntervals_HasOneThousandPoints()
    {
        var (queue, _) = TimelineCharts.Build(ThreeJobs, processors: 4);

        Assert.Equal(TimelineCharts.DefaultIntervals, queue.XValues.Count);
        Assert.Equal(1000, queue.XValues.Count);
    }
}
