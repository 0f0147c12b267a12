using Augur.Reports.Charts;
using Augur.Reports.Runs;

namespace Augur.Reports.Tests.Charts;

public sealed class WaitByGroupChartsTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(1, 1L)]
    [InlineData(2, 2L)]
    [InlineData(3, 4L)]
    [InlineData(4, 4L)]
    [InlineData(5, 8L)]
    [InlineData(8, 8L)]
    [InlineData(9, 16L)]
    [InlineData(1_073_741_824, 1_073_741_824L)]
    [InlineData(1_073_741_825, 2_147_483_648L)]
    [InlineData(int.MaxValue, 2_147_483_648L)]
    public void SizeBucket_Processors_IsTheSmallestPowerOfTwoAtLeastThem(int processors, long expected)
    {
        var bucket = WaitByGroupCharts.SizeBucket(processors);

        // 2^30 = 1,073,741,824 is its own bucket; one more, up to int.MaxValue, is in 2^31's.
        Assert.Equal(expected, bucket);
    }

    [Fact]
    public void BySize_OneJobPerBucket_NamesTheBucketsAsPowerOfTwoRanges()
    {
        JobRow[] jobs = [JobRows.Waited(0, processors: 1), JobRows.Waited(0, processors: 2), JobRows.Waited(0, processors: 3), JobRows.Waited(0, processors: 8), JobRows.Waited(0, processors: 9)];

        var chart = WaitByGroupCharts.BySize(jobs);

        // Buckets 1, 2, 4, 8, 16: "1", "2", "3-4", "5-8", "9-16", in size order.
        Assert.Equal(["1", "2", "3-4", "5-8", "9-16"], chart.X.Categories);
        Assert.Equal(new double[] { 0, 1, 2, 3, 4 }, chart.XValues);
    }

    [Fact]
    public void BySize_Groups_GiveTheMeanAndMedianWaitInHours()
    {
        JobRow[] jobs =
        [
            JobRows.Waited(36_000, processors: 4),
            JobRows.Waited(3_600, processors: 1),
            JobRows.Waited(0, processors: 3),
            JobRows.Waited(7_200, processors: 1),
            JobRows.Waited(1_800, processors: 4),
            JobRows.Waited(360, processors: 9),
            JobRows.Waited(5_400, processors: 3),
            JobRows.NeverStarted(submit: 0, processors: 2),
        ];

        var chart = WaitByGroupCharts.BySize(jobs);

        // "1": waits 3,600 and 7,200 s: mean and median 5,400 s = 1.5 h.
        // "3-4": 0, 1,800, 5,400, 36,000 s: mean 43,200 / 4 = 10,800 s = 3 h; median (1,800 + 5,400) / 2 = 3,600 s = 1 h.
        // "9-16": 360 s = 0.1 h. The job on 2 processors never started: no "2" group.
        Assert.Equal("wait-by-size", chart.Id);
        Assert.Equal(["1", "3-4", "9-16"], chart.X.Categories);
        Assert.Equal(["2 jobs", "4 jobs", "1 jobs"], chart.X.CategoryDetails);
        Assert.Equal("mean wait", chart.Series[0].Label);
        Assert.Equal(SeriesStyle.Bars, chart.Series[0].Style);
        Assert.Equal("median wait", chart.Series[1].Label);
        Assert.Equal(SeriesStyle.Points, chart.Series[1].Style);
        AssertClose([1.5, 3, 0.1], chart.Series[0].Values);
        AssertClose([1.5, 1, 0.1], chart.Series[1].Values);
        Assert.Equal("wait (h)", chart.Y.Label);
    }

    [Fact]
    public void BySize_OddGroup_MedianIsTheMiddleWait()
    {
        JobRow[] jobs = [JobRows.Waited(10_800, processors: 5), JobRows.Waited(0, processors: 6), JobRows.Waited(3_600, processors: 7)];

        var chart = WaitByGroupCharts.BySize(jobs);

        // "5-8": 0, 3,600, 10,800 s: mean 14,400 / 3 = 4,800 s = 4/3 h; median 3,600 s = 1 h.
        Assert.Equal(["5-8"], chart.X.Categories);
        AssertClose([4.0 / 3], chart.Series[0].Values);
        AssertClose([1], chart.Series[1].Values);
    }

    [Fact]
    public void BySize_JobOnMoreThanTwoToThe30Processors_IsInTheLastBucket()
    {
        JobRow[] jobs = [JobRows.Waited(3_600, processors: int.MaxValue)];

        var chart = WaitByGroupCharts.BySize(jobs);

        // Bucket 2^31 = 2,147,483,648: from 2^30 + 1 = 1,073,741,825.
        Assert.Equal(["1073741825-2147483648"], chart.X.Categories);
    }

    [Fact]
    public void ByUser_Users_MostJobsFirstThenByUserIdWithUnknownForMinusOne()
    {
        JobRow[] jobs =
        [
            JobRows.Waited(36_000, user: 2),
            JobRows.Waited(3_600, user: 5),
            JobRows.Waited(1_800, user: 9),
            JobRows.Waited(0, user: -1),
            JobRows.Waited(7_200, user: 5),
            JobRows.Waited(1_800, user: 9),
            JobRows.Waited(3_600, user: -1),
            JobRows.Waited(10_800, user: 5),
            JobRows.NeverStarted(submit: 0, user: 3),
        ];

        var chart = WaitByGroupCharts.ByUser(jobs);

        // Started jobs: user 5 three, users -1 and 9 two each (-1 first by id), user 2 one; user 3 never started.
        // Means: user 5 (3,600 + 7,200 + 10,800) / 3 = 7,200 s = 2 h; unknown 1,800 s = 0.5 h; user 9 0.5 h; user 2 10 h.
        // Medians: user 5 7,200 s = 2 h; unknown (0 + 3,600) / 2 = 0.5 h; user 9 0.5 h; user 2 10 h.
        Assert.Equal("wait-by-user", chart.Id);
        Assert.Equal("Wait by user (top 20)", chart.Title);
        Assert.Equal(["user 5", "unknown", "user 9", "user 2"], chart.X.Categories);
        Assert.Equal(["3 jobs", "2 jobs", "2 jobs", "1 jobs"], chart.X.CategoryDetails);
        AssertClose([2, 0.5, 0.5, 10], chart.Series[0].Values);
        AssertClose([2, 0.5, 0.5, 10], chart.Series[1].Values);
        Assert.Contains("The 4 users with the most started jobs (of 4)", chart.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("records no users", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ByUser_MoreThanTwentyUsers_KeepsTheTwentyWithTheMostJobs()
    {
        // Users 100 to 124, one job each, and a second job for user 124.
        var jobs = Enumerable.Range(100, 25).Select(user => JobRows.Waited(60, user: user)).Append(JobRows.Waited(60, user: 124)).ToArray();

        var chart = WaitByGroupCharts.ByUser(jobs);

        // User 124 first (2 jobs), then the lowest ids among the one-job users: 100 to 118 (19 of them).
        var expected = Enumerable.Range(100, 19).Select(user => $"user {user}").Prepend("user 124").ToArray();
        Assert.Equal(expected, chart.X.Categories);
        Assert.Equal(20, chart.XValues.Count);
        Assert.Contains("The 20 users with the most started jobs (of 25)", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ByUser_TraceWithoutUsers_IsOneUnknownGroupAndSaysSo()
    {
        JobRow[] jobs = [JobRows.Waited(0), JobRows.Waited(7_200)];

        var chart = WaitByGroupCharts.ByUser(jobs);

        // Both waits in one group: mean and median (0 + 7,200) / 2 = 3,600 s = 1 h.
        Assert.Equal(["unknown"], chart.X.Categories);
        AssertClose([1], chart.Series[0].Values);
        Assert.EndsWith(" The trace records no users.", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void BySizeAndByUser_NoStartedJob_HaveNoData()
    {
        JobRow[] jobs = [JobRows.NeverStarted(submit: 0)];

        var bySize = WaitByGroupCharts.BySize(jobs);
        var byUser = WaitByGroupCharts.ByUser(jobs);

        Assert.False(bySize.HasData);
        Assert.False(byUser.HasData);
        Assert.Empty(bySize.X.Categories!);
        Assert.Empty(byUser.X.Categories!);
    }

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], Tolerance);
        }
    }
}
