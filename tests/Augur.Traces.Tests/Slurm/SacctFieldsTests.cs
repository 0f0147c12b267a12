using Augur.Traces.Slurm;

namespace Augur.Traces.Tests.Slurm;

public sealed class SacctFieldsTests
{
    [Theory]
    [InlineData("00:00:00", 0)]
    [InlineData("00:30:00", 1800)]
    [InlineData("23:59:59", 86399)]
    [InlineData("1-00:00:00", 86400)]
    [InlineData("12-01:02:03", (12 * 86400) + 3723)]
    [InlineData("05:07", 307)]
    [InlineData("05:07.999", 307)]
    [InlineData("00:00.120", 0)]
    [InlineData("36:00:00", 129600)]
    public void Duration_SacctForms_GiveWholeSeconds(string token, long expected)
    {
        var failure = SacctFields.Duration(token, 9, out var seconds);

        Assert.False(failure.Failed, failure.Reason);
        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("1-05:07")]
    [InlineData("1-00:00:00.5")]
    [InlineData("00:60")]
    [InlineData("00:00:60")]
    [InlineData("a:00:00")]
    [InlineData("-00:10:00")]
    [InlineData("00::00")]
    [InlineData("05:07.")]
    public void Duration_OtherForms_AreNotDurations(string token)
    {
        var failure = SacctFields.Duration(token, 9, out _);

        Assert.Equal(("not a duration", 9), (failure.Category, failure.Field));
    }

    [Theory]
    [InlineData("UNLIMITED", null)]
    [InlineData("Partition_Limit", null)]
    [InlineData("01:00:00", 3600L)]
    [InlineData("7-00:00:00", 604800L)]
    public void TimeLimit_KnownForms_GiveSecondsOrNone(string token, long? expected)
    {
        var failure = SacctFields.TimeLimit(token, 10, out var seconds);

        Assert.False(failure.Failed, failure.Reason);
        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData("0", 0, ' ')]
    [InlineData("512K", 512, ' ')]
    [InlineData("4000M", 4_096_000, ' ')]
    [InlineData("4G", 4_194_304, ' ')]
    [InlineData("1.5G", 1_572_864, ' ')]
    [InlineData("1.23M", 1260, ' ')]
    [InlineData("1T", 1_073_741_824, ' ')]
    [InlineData("2Gn", 2_097_152, 'n')]
    [InlineData("2Gc", 2_097_152, 'c')]
    [InlineData("0n", 0, 'n')]
    public void Memory_UnitsAndScopes_GiveKilobytes(string token, double kilobytes, char scope)
    {
        var failure = SacctFields.Memory(token, 13, allowScope: true, out var value, out var readScope);

        Assert.False(failure.Failed, failure.Reason);
        Assert.Equal((kilobytes, scope), (value, readScope));
    }

    [Theory]
    [InlineData("G", "not a memory size")]
    [InlineData("1,5G", "not a memory size")]
    [InlineData("-1G", "not a memory size")]
    [InlineData("4096", "memory without unit")]
    [InlineData("99999P", "number too large")]
    public void Memory_BadValues_SayWhy(string token, string category)
    {
        var failure = SacctFields.Memory(token, 13, allowScope: true, out _, out _);

        Assert.Equal(category, failure.Category);
    }

    [Theory]
    [InlineData("123", "123", null)]
    [InlineData("123.batch", "123", "batch")]
    [InlineData("123.extern", "123", "extern")]
    [InlineData("123.0", "123", "0")]
    [InlineData("123_4", "123_4", null)]
    [InlineData("123_4.batch", "123_4", "batch")]
    [InlineData("123_[5-9]", "123_[5-9]", null)]
    [InlineData("123_[1,3,5-7%2]", "123_[1,3,5-7%2]", null)]
    [InlineData("123+0", "123+0", null)]
    [InlineData("123+1.0", "123+1", "0")]
    public void JobId_SacctForms_SplitIntoJobAndStep(string token, string job, string? step)
    {
        var failure = SacctJobId.Parse(token, 1, out var id);

        Assert.False(failure.Failed, failure.Reason);
        Assert.Equal(new SacctJobId(job, step), id);
    }

    [Theory]
    [InlineData("x123")]
    [InlineData("123_")]
    [InlineData("123_[]")]
    [InlineData("123_[a]")]
    [InlineData("123+")]
    [InlineData("123.")]
    [InlineData("123.b a")]
    [InlineData("123-4")]
    public void JobId_OtherForms_AreNotJobIds(string token)
    {
        var failure = SacctJobId.Parse(token, 1, out _);

        Assert.Equal("not a job id", failure.Category);
    }
}
