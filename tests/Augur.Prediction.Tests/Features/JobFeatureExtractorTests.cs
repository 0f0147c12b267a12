using Augur.Core.Jobs;
using Augur.Core.Prediction;
using Augur.Core.Time;
using Augur.Prediction.Features;

namespace Augur.Prediction.Tests.Features;

public sealed class JobFeatureExtractorTests
{
    private static readonly PredictionContext Idle = new(Instant.FromSeconds(0), 0, 0, 0, 0);

    [Fact]
    public void Observe_BeforeAnyEnd_HasNoHistoryAndEncodesTheRequest()
    {
        var extractor = new JobFeatureExtractor(totalProcessors: 64);
        var row = new float[JobFeatureExtractor.Count];

        extractor.Observe(Job(0, user: 7, submit: 3600 * 25, requested: 999), Idle with { BusyProcessors = 16 }, row);

        Assert.Equal(JobFeatureExtractor.Log(999), row[Column("log_request")]);
        Assert.Equal(2f, row[Column("log_processors")]);
        Assert.True(float.IsNaN(row[Column("log_last_run")]));
        Assert.True(float.IsNaN(row[Column("user_encoding")]));
        Assert.True(float.IsNaN(row[Column("log_repeat_last_run")]));
        Assert.Equal(1f, row[Column("hour_of_day")]);
        Assert.Equal(1f, row[Column("day_of_week")]);
        Assert.Equal(0.25f, row[Column("busy_share")]);
    }

    [Fact]
    public void Observe_AfterTheUsersJobsEnd_SeesOnlyWhatEnded()
    {
        var extractor = new JobFeatureExtractor();
        var row = new float[JobFeatureExtractor.Count];
        var first = Job(0, user: 1, submit: 0, requested: 1000);
        var second = Job(1, user: 1, submit: 10, requested: 1000);
        extractor.Observe(first, Idle, row);
        extractor.Observe(second, Idle, row);

        // Only the first ends before the third is submitted: the second's run time must not show.
        extractor.Learn(first, new JobOutcome(Duration.FromSeconds(100)));
        extractor.Observe(Job(2, user: 1, submit: 200, requested: 1000), Idle, row);

        Assert.Equal(JobFeatureExtractor.Log(100), row[Column("log_last_run")]);
        Assert.True(float.IsNaN(row[Column("log_second_last_run")]));
        Assert.Equal(0.1f, row[Column("last_ratio")], 6);
        Assert.Equal(1f, row[Column("user_in_system")]);
        Assert.Equal(JobFeatureExtractor.Log(190), row[Column("log_since_user_submit")]);
        Assert.Equal((float)Math.Log(101), row[Column("user_encoding")], 6);
        Assert.Equal(JobFeatureExtractor.Log(100), row[Column("log_repeat_last_run")]);
    }

    [Fact]
    public void Observe_RowOfWrongLength_Throws()
    {
        var extractor = new JobFeatureExtractor();

        Assert.Throws<ArgumentException>(() => extractor.Observe(Job(0, 1, 0, 10), Idle, new float[3]));
    }

    private static int Column(string name) => JobFeatureExtractor.Names.ToList().IndexOf(name);

    private static JobRequest Job(int index, int user, long submit, long requested) =>
        new(index, index + 1, Instant.FromSeconds(submit), 4, Duration.FromSeconds(requested), features: new JobFeatures(user, -1, -1, -1, -1));
}
