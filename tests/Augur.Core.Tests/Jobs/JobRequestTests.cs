using Augur.Core.Jobs;
using Augur.Core.Time;

namespace Augur.Core.Tests.Jobs;

public sealed class JobRequestTests
{
    [Fact]
    public void Constructor_ValidArguments_KeepsEveryField()
    {
        var features = new JobFeatures(User: 3, Group: 4, Executable: 5, Queue: 6, Partition: 7);

        var job = new JobRequest(2, 42, Instant.FromSeconds(10), 16, Duration.FromSeconds(3600), 2048, features);

        Assert.Equal(2, job.Index);
        Assert.Equal(42, job.Id);
        Assert.Equal(Instant.FromSeconds(10), job.Submit);
        Assert.Equal(16, job.Processors);
        Assert.True(job.HasRequestedTime);
        Assert.Equal(Duration.FromSeconds(3600), job.RequestedTime);
        Assert.Equal(2048, job.RequestedMemoryKilobytes);
        Assert.Equal(features, job.Features);
    }

    [Fact]
    public void Constructor_OptionalArgumentsOmitted_UsesUnknowns()
    {
        var job = new JobRequest(0, 1, Instant.Zero, 1, Duration.FromSeconds(1));

        Assert.Equal(JobRequest.Unknown, job.RequestedMemoryKilobytes);
        Assert.Equal(-1, JobRequest.Unknown);
        Assert.Equal(JobFeatures.None, job.Features);
        Assert.Equal(new JobFeatures(-1, -1, -1, -1, -1), job.Features);
    }

    [Fact]
    public void Constructor_NoRequestedTime_HasRequestedTimeFalseAndUnboundedRequest()
    {
        var job = new JobRequest(0, 1, Instant.Zero, 4, requestedTime: null);

        Assert.False(job.HasRequestedTime);
        Assert.Equal(Duration.MaxValue, job.RequestedTime);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Constructor_ProcessorsNotPositive_Throws(int processors)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new JobRequest(0, 1, Instant.Zero, processors, Duration.FromSeconds(10)));

        Assert.Equal("processors", error.ParamName);
        Assert.Equal(processors, error.ActualValue);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(-3_600_000_000L)]
    public void Constructor_RequestedTimeNotPositive_Throws(long microseconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new JobRequest(0, 1, Instant.Zero, 1, new Duration(microseconds)));

        Assert.Equal("requestedTime", error.ParamName);
    }

    [Fact]
    public void Constructor_RequestedTimeOneMicrosecond_IsAccepted()
    {
        var job = new JobRequest(0, 1, Instant.Zero, 1, new Duration(1));

        Assert.True(job.HasRequestedTime);
        Assert.Equal(new Duration(1), job.RequestedTime);
    }

    [Fact]
    public void Constructor_NegativeIndex_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new JobRequest(-1, 1, Instant.Zero, 1, Duration.FromSeconds(10)));

        Assert.Equal("index", error.ParamName);
    }

    [Fact]
    public void ToString_NamesTheTraceId()
    {
        Assert.Equal("job 42", new JobRequest(0, 42, Instant.Zero, 1, null).ToString());
    }

    [Fact]
    public void JobOutcome_Defaults_AreUnknownMemoryAndCompleted()
    {
        var outcome = new JobOutcome(Duration.FromSeconds(5));

        Assert.Equal(Duration.FromSeconds(5), outcome.RunTime);
        Assert.Equal(JobRequest.Unknown, outcome.UsedMemoryKilobytes);
        Assert.Equal(JobExitKind.Completed, outcome.ExitKind);
    }

    [Theory]
    [InlineData(JobExitKind.Failed, 0)]
    [InlineData(JobExitKind.Completed, 1)]
    [InlineData(JobExitKind.Cancelled, 5)]
    [InlineData(JobExitKind.Unknown, -1)]
    public void JobExitKind_ValuesAreSwfStatusCodes(JobExitKind kind, int code)
    {
        Assert.Equal(code, (int)kind);
    }
}
