using Augur.Service.Executors.Slurm;

namespace Augur.Service.Tests.Executors.Slurm;

public sealed class SlurmJobParserTests
{
    [Fact]
    public void ParseScontrol_ThreeJobs_ReadsStateExitCodeTimesAndNodes()
    {
        var jobs = SlurmJobParser.ParseScontrol(SlurmFixtures.ScontrolJobs, TimeZoneInfo.Utc);

        Assert.Equal(3, jobs.Count);
        var failed = jobs[0];
        Assert.Equal(1, failed.JobId);
        Assert.Equal("augur-x-1", failed.Name);
        Assert.Equal("FAILED", failed.State);
        Assert.Equal("NonZeroExitCode", failed.Reason);
        Assert.Equal(3, failed.ExitCode);
        Assert.Equal(0, failed.Signal);
        Assert.Equal(SlurmFixtures.At130258, failed.StartMicroseconds);
        Assert.Equal(SlurmFixtures.At130258, failed.EndMicroseconds);
        Assert.Equal("augur-node1", failed.NodeList);

        // Running: Reason=None is no reason; EndTime is the limit's end, 2 minutes after the start.
        Assert.Equal("RUNNING", jobs[1].State);
        Assert.Null(jobs[1].Reason);
        Assert.Equal(SlurmFixtures.At130258 + 120_000_000, jobs[1].EndMicroseconds);

        // Pending: StartTime=Unknown and an empty NodeList.
        Assert.Equal("PENDING", jobs[2].State);
        Assert.Equal("PartitionConfig", jobs[2].Reason);
        Assert.Null(jobs[2].StartMicroseconds);
        Assert.Null(jobs[2].NodeList);
    }

    [Fact]
    public void ParseScontrol_TimesInAnotherZone_ConvertsToUtc()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus-two", TimeSpan.FromHours(2), "plus-two", "plus-two");

        var job = SlurmJobParser.ParseScontrol(SlurmFixtures.ScontrolJobs, zone)[0];

        // 13:02:58 at UTC+2 is 11:02:58 UTC.
        Assert.Equal(SlurmFixtures.At130258 - (2 * 3600 * 1_000_000L), job.StartMicroseconds);
    }

    [Fact]
    public void ParseJobcomp_TwoEnds_ReadsNameStateAndExitCode()
    {
        var jobs = SlurmJobParser.ParseJobcomp(SlurmFixtures.Jobcomp, "jobcomp.log", TimeZoneInfo.Utc);

        Assert.Equal(2, jobs.Count);
        Assert.Equal(("augur-x-1", "FAILED", 3), (jobs[0].Name, jobs[0].State, jobs[0].ExitCode));
        Assert.Equal(("augur-x-2", "CANCELLED", 0), (jobs[1].Name, jobs[1].State, jobs[1].ExitCode));
        Assert.Equal(SlurmFixtures.At130258 + 3_000_000, jobs[1].EndMicroseconds);
    }

    [Fact]
    public void ParseSqueue_ThreeLines_ReadsEveryField()
    {
        var jobs = SlurmJobParser.ParseSqueue(SlurmFixtures.Squeue, TimeZoneInfo.Utc);

        Assert.Equal([2L, 3L, 1L], jobs.Select(job => job.JobId));
        Assert.Equal(("augur-x-2", "CANCELLED", null), (jobs[0].Name, jobs[0].State, jobs[0].Reason));
        Assert.Equal(SlurmFixtures.At130258 + 3_000_000, jobs[0].EndMicroseconds);
        Assert.Equal(("PENDING", "PartitionConfig"), (jobs[1].State, jobs[1].Reason));
        Assert.Null(jobs[1].StartMicroseconds);
        Assert.Null(jobs[1].NodeList);
        Assert.Null(jobs[2].ExitCode);
    }

    [Fact]
    public void ParseSqueue_PendingJobWithoutEnd_HasNoTimes()
    {
        // squeue prints NONE as the end of a job that has none yet (seen on the test Slurm while slurmctld restarted).
        var job = Assert.Single(SlurmJobParser.ParseSqueue("11|augur-5d2a-7|PENDING|None|N/A|NONE|\n", TimeZoneInfo.Utc));

        Assert.Equal((11L, "PENDING"), (job.JobId, job.State));
        Assert.Null(job.StartMicroseconds);
        Assert.Null(job.EndMicroseconds);
    }

    [Fact]
    public void ParseSqueue_Empty_IsNoJobs()
    {
        Assert.Empty(SlurmJobParser.ParseSqueue(string.Empty, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("2|augur-x-2|RUNNING|None|2026-11-22T13:02:58|N/A", "line 1: field (line): expected 7 fields")]
    [InlineData("two|augur-x-2|RUNNING|None|N/A|N/A|", "line 1: field %i: expected a job id, found 'two'")]
    [InlineData("2|augur-x-2||None|N/A|N/A|", "line 1: field %T: empty state")]
    [InlineData("2|augur-x-2|RUNNING|None|22/11/2026|N/A|", "field StartTime: expected a time like 2026-11-22T13:02:58, found '22/11/2026'")]
    public void ParseSqueue_Malformed_NamesLineFieldAndReason(string output, string expected)
    {
        var error = Assert.Throws<SlurmOutputException>(() => SlurmJobParser.ParseSqueue(output, TimeZoneInfo.Utc));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("squeue: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JobId=7 JobName=a JobState=FAILED ExitCode=three", "line 1: field ExitCode: expected EXIT:SIGNAL such as 0:0, found 'three'")]
    [InlineData("JobId=7 JobName=a JobState=FAILED ExitCode=3", "field ExitCode: expected EXIT:SIGNAL")]
    [InlineData("JobName=a JobState=FAILED", "line 1: field JobId: missing")]
    [InlineData("JobId=x7 JobState=FAILED", "field JobId: expected a whole number, found 'x7'")]
    [InlineData("JobId=7 JobName=a", "field JobState: missing")]
    [InlineData("slurm_load_jobs error: Invalid job id specified", "line 1: field (start): expected Key=Value, found 'slurm_load_jobs'")]
    [InlineData("JobId=7 JobState=RUNNING StartTime=yesterday", "field StartTime: expected a time like 2026-11-22T13:02:58, found 'yesterday'")]
    public void ParseScontrol_Malformed_NamesLineFieldAndReason(string output, string expected)
    {
        var error = Assert.Throws<SlurmOutputException>(() => SlurmJobParser.ParseScontrol(output, TimeZoneInfo.Utc));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseJobcomp_MalformedSecondLine_NamesTheFileAndLine()
    {
        var text = SlurmFixtures.Jobcomp.Split('\n')[0] + "\nJobId=9 Name=b JobState=COMPLETED ExitCode=0\n";

        var error = Assert.Throws<SlurmOutputException>(() => SlurmJobParser.ParseJobcomp(text, "/var/log/slurm/jobcomp.log", TimeZoneInfo.Utc));

        Assert.StartsWith("/var/log/slurm/jobcomp.log: line 2: field ExitCode:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJobcomp_BadLineBetweenTwoEnds_SkipsItAndKeepsBoth()
    {
        var lines = SlurmFixtures.Jobcomp.Split('\n');
        var text = lines[0] + "\nJobId=9 Name=b JobState=COMPLETED ExitCode=0\n" + lines[1] + "\n";
        var skipped = new List<string>();

        var jobs = SlurmJobParser.ReadJobcomp(new StringReader(text), "/var/log/slurm/jobcomp.log", TimeZoneInfo.Utc, skipped);

        Assert.Equal([1L, 2L], jobs.Select(job => job.JobId));
        Assert.Equal(3, jobs[0].ExitCode);
        var error = Assert.Single(skipped);
        Assert.StartsWith("/var/log/slurm/jobcomp.log: line 2: field ExitCode:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJobcomp_LastLineWithoutNewline_IsLeftForTheNextRead()
    {
        // slurmctld is still writing job 2's line: only its first half is in the file.
        var lines = SlurmFixtures.Jobcomp.Split('\n');
        var text = lines[0] + "\n" + lines[1][..40];
        var skipped = new List<string>();

        var jobs = SlurmJobParser.ReadJobcomp(new StringReader(text), "jobcomp.log", TimeZoneInfo.Utc, skipped);

        Assert.Equal(1L, Assert.Single(jobs).JobId);
        Assert.Empty(skipped);
    }
}
