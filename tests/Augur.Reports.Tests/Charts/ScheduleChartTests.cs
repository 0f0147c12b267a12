using Augur.Reports.Charts;
using Augur.Reports.Runs;

namespace Augur.Reports.Tests.Charts;

public sealed class ScheduleChartTests
{
    private const double Hour = 3600;

    /// <summary>
    /// On 4 processors, all submitted at 0: A (user 1, 1 proc) 0-4 h, B (user 2, 1 proc) 0-2 h, C (user 3, 1 proc)
    /// 0-4 h, D (user 4, 2 procs) 3-3.5 h. A, B, C take processors 0, 1, 2; B ends at 2 h, so at 3 h D finds
    /// processors 1 and 3 free: two rectangles.
    /// </summary>
    private static readonly JobRow[] Scattered =
    [
        JobRows.Started(0, 0, 4 * Hour, processors: 1, user: 1, id: 1),
        JobRows.Started(0, 0, 2 * Hour, processors: 1, user: 2, id: 2),
        JobRows.Started(0, 0, 4 * Hour, processors: 1, user: 3, id: 3),
        JobRows.Started(0, 3 * Hour, 3.5 * Hour, processors: 2, user: 4, id: 4),
    ];

    [Fact]
    public void Build_FreeProcessorsNotContiguous_SplitsTheJobIntoOneRectanglePerRun()
    {
        var chart = ScheduleChart.Build(Scattered, processors: 4, new ScheduleWindow(0, 5));

        Assert.Equal(
            new[]
            {
                new ChartRectangle(0, 4, 0, 1, 1),
                new ChartRectangle(0, 2, 1, 2, 2),
                new ChartRectangle(0, 4, 2, 3, 3),
                new ChartRectangle(3, 3.5, 1, 2, 4),
                new ChartRectangle(3, 3.5, 3, 4, 4),
            },
            chart.Rectangles);
        Assert.Equal("schedule", chart.Id);
        Assert.Equal((0, 5), chart.X.Range);
        Assert.Equal((0, 4), chart.Y.Range);
        Assert.True(chart.HasData);
        Assert.DoesNotContain("overcommits", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_JobsInStartOrderNotFileOrder_PlacesTheEarlierStartFirst()
    {
        JobRow[] jobs =
        [
            JobRows.Started(0, 1 * Hour, 2 * Hour, processors: 1, user: 2, id: 1),
            JobRows.Started(0, 0, 2 * Hour, processors: 1, user: 1, id: 2),
        ];

        var chart = ScheduleChart.Build(jobs, processors: 2, new ScheduleWindow(0, 2));

        // Job 2 starts first (0 h) and takes processor 0; job 1 (1 h) takes processor 1.
        Assert.Equal(new[] { new ChartRectangle(0, 2, 0, 1, 1), new ChartRectangle(1, 2, 1, 2, 2) }, chart.Rectangles);
    }

    [Fact]
    public void Build_Window_ClipsJobsToItAndLeavesOutJobsOutsideIt()
    {
        JobRow[] jobs =
        [
            JobRows.Started(0, 0, 4 * Hour, processors: 2, user: 1, id: 1),
            JobRows.Started(0, 0, 0.5 * Hour, processors: 1, user: 2, id: 2),
            JobRows.Started(0, 3 * Hour, 5 * Hour, processors: 1, user: 3, id: 3),
            JobRows.Started(0, 2 * Hour, 5 * Hour, processors: 1, user: 4, id: 4),
        ];

        var chart = ScheduleChart.Build(jobs, processors: 4, new ScheduleWindow(1, 3));

        // Window 1-3 h: job 2 ended at 0.5 h and job 3 starts at 3 h, both outside. Job 1 (0-4 h) is cut to
        // 1-3 h on processors 0-1; job 4 (2-5 h) to 2-3 h on processor 2.
        Assert.Equal(new[] { new ChartRectangle(1, 3, 0, 2, 1), new ChartRectangle(2, 3, 2, 3, 4) }, chart.Rectangles);
        Assert.Equal((1, 3), chart.X.Range);
        Assert.Equal(new double[] { 1, 3 }, chart.XValues);
        Assert.Contains("between 1 h and 3 h after the first submission (2 jobs)", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Window_CountsHoursFromTheFirstSubmission()
    {
        JobRow[] jobs =
        [
            JobRows.NeverStarted(submit: 1000),
            JobRows.Started(2000, 1000 + (2 * Hour), 1000 + (3 * Hour), processors: 1, user: 1),
        ];

        var chart = ScheduleChart.Build(jobs, processors: 1, new ScheduleWindow(1.5, 4));

        // The origin is the first submission, 1,000 s (of the job that never started): the job runs 2-3 h after it.
        Assert.Equal(new[] { new ChartRectangle(2, 3, 0, 1, 1) }, chart.Rectangles);
    }

    [Fact]
    public void Build_NoWindowGiven_ShowsTheRunsLastDayWhenItIsShorter()
    {
        var chart = ScheduleChart.Build(Scattered, processors: 4);

        // The median start (index 2 of 4 in start order) is 0 h and the run ends at 4 h, under a day: the window
        // starts at the first submission and ends at the last end.
        Assert.Equal((0, 4), chart.X.Range);
        Assert.Equal(5, chart.Rectangles.Count);
        Assert.Contains("between 0 h and 4 h after the first submission (4 jobs)", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoWindowGivenOnALongRun_ShowsADayFromTheMedianStart()
    {
        // Five one-hour jobs starting at 0, 20, 40, 60 and 80 h: the median start is 40 h and the run ends at 81 h,
        // more than a day later.
        var jobs = Enumerable.Range(0, 5).Select(i => JobRows.Started(0, i * 20 * Hour, ((i * 20) + 1) * Hour, id: i)).ToArray();

        var chart = ScheduleChart.Build(jobs, processors: 1);

        // Window 40-64 h: the jobs at 40 and 60 h.
        Assert.Equal((40, 64), chart.X.Range);
        Assert.Equal(new double[] { 40, 60 }, chart.Rectangles.Select(rectangle => rectangle.Left));
    }

    [Fact]
    public void Build_NoWindowGivenAndLessThanADayAfterTheMedianStart_ShowsTheRunsLastDay()
    {
        // Five one-hour jobs starting at 0, 10, 20, 30 and 40 h: the median start is 20 h, but the run ends at 41 h,
        // 21 h later; the window is the last day, 41 - 24 = 17 h to 41 h.
        var jobs = Enumerable.Range(0, 5).Select(i => JobRows.Started(0, i * 10 * Hour, ((i * 10) + 1) * Hour, id: i)).ToArray();

        var chart = ScheduleChart.Build(jobs, processors: 1);

        Assert.Equal((17, 41), chart.X.Range);
        Assert.Equal(new double[] { 20, 30, 40 }, chart.Rectangles.Select(rectangle => rectangle.Left));
    }

    [Fact]
    public void Build_MoreJobsThanTheMaximum_CutsTheWindowAtTheStartOfTheFirstJobPastIt()
    {
        JobRow[] jobs =
        [
            JobRows.Started(0, 0, 0.5 * Hour, id: 1),
            JobRows.Started(0, 1 * Hour, 1.5 * Hour, id: 2),
            JobRows.Started(0, 2 * Hour, 2.5 * Hour, id: 3),
        ];

        var chart = ScheduleChart.Build(jobs, processors: 1, new ScheduleWindow(0, 3), maximumJobs: 2);

        // 3 jobs for at most 2: the window ends at job 3's start, 2 h.
        Assert.Equal((0, 2), chart.X.Range);
        Assert.Equal(new double[] { 0, 1 }, chart.Rectangles.Select(rectangle => rectangle.Left));
        Assert.Contains("between 0 h and 2 h after the first submission (2 jobs)", chart.Note, StringComparison.Ordinal);
        Assert.Contains("The window was cut short to hold at most 2 jobs.", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AtMostTheMaximum_IsNotCut()
    {
        JobRow[] jobs = [JobRows.Started(0, 0, 0.5 * Hour, id: 1), JobRows.Started(0, 1 * Hour, 1.5 * Hour, id: 2)];

        var chart = ScheduleChart.Build(jobs, processors: 1, new ScheduleWindow(0, 3), maximumJobs: 2);

        Assert.Equal((0, 3), chart.X.Range);
        Assert.DoesNotContain("cut short", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WindowWithoutJobs_IsEmptyAndSaysSo()
    {
        var chart = ScheduleChart.Build(Scattered, processors: 4, new ScheduleWindow(100, 101));

        Assert.Empty(chart.Rectangles);
        Assert.False(chart.HasData);
        Assert.Contains("(0 jobs)", chart.Note, StringComparison.Ordinal);
        Assert.Contains("No job ran in this window: pick another with --window FROM:TO.", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoJobs_IsEmpty()
    {
        var chart = ScheduleChart.Build([], processors: 4);

        // No start: the default window is the first day from the origin 0.
        Assert.Empty(chart.Rectangles);
        Assert.Equal((0, 24), chart.X.Range);
        Assert.Contains("No job ran in this window", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ScheduleThatOvercommitsTheMachine_CountsTheJobsThatFoundTooFewProcessors()
    {
        JobRow[] jobs = [JobRows.Started(0, 0, Hour, id: 1), JobRows.Started(0, 0, Hour, id: 2)];

        var chart = ScheduleChart.Build(jobs, processors: 1, new ScheduleWindow(0, 1));

        // One processor, two jobs at once: the second finds none and draws nothing.
        Assert.Single(chart.Rectangles);
        Assert.Contains(" 1 jobs found fewer free processors than they use", chart.Note, StringComparison.Ordinal);
    }
}
