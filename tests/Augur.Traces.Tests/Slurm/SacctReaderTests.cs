using System.IO.Compression;
using System.Text;
using Augur.Traces.Slurm;

namespace Augur.Traces.Tests.Slurm;

public sealed class SacctReaderTests
{
    [Fact]
    public void Read_ExampleHistory_KeepsFinishedJobsAndTakesMaxRssFromSteps()
    {
        var trace = SacctReader.Read(SacctText.ExampleHistory);

        Assert.Equal(["4101", "4102", "4103_1", "4103_2", "4104+0", "4104+1", "4106", "4109"], trace.Jobs.Select(job => job.SlurmJobId));
        Assert.Equal(5, trace.Steps);
        Assert.Equal(0, trace.Skipped.Total);

        var first = trace.Jobs[0];

        // 2023-03-01 is day 19417 after 1970-01-01: 19417 x 86400 = 1677628800; + 8 h = 1677657600.
        Assert.Equal(1677657600, first.SubmitUnixSeconds);
        Assert.Equal(1677657605, first.StartUnixSeconds);
        Assert.Equal(1800, first.RunSeconds);
        Assert.Equal(8, first.AllocatedCpus);
        Assert.Equal(8, first.RequestedCpus);
        Assert.Equal(3600, first.TimeLimitSeconds);

        // 16G = 16 x 1024 x 1024 KB = 16777216 KB over 8 CPUs.
        Assert.Equal(2097152, first.RequestedMemoryKilobytesPerCpu);

        // The job line has no MaxRSS; its steps have 1536000K (batch) and 1032K (extern).
        Assert.Equal(1536000, first.MaxRssKilobytes);
        Assert.Equal(("alice", "physics", "p-astro", "batch"), (first.User, first.Group, first.Account, first.Partition));
        Assert.Equal(("COMPLETED", 1), (first.State, first.SwfStatus));
        Assert.Equal(2, first.Line);

        // 4102: 2Gc is per CPU; steps' MaxRSS 3.50G = 3670016 KB beats 1900000K; TIMEOUT is a failure.
        var timedOut = trace.Jobs[1];
        Assert.Equal(2097152, timedOut.RequestedMemoryKilobytesPerCpu);
        Assert.Equal(3670016, timedOut.MaxRssKilobytes);
        Assert.Equal(("TIMEOUT", 0), (timedOut.State, timedOut.SwfStatus));

        // UNLIMITED and Partition_Limit give no requested time; 4000M over 4 CPUs is 1024000 KB each.
        Assert.Equal([-1L, -1L], trace.Jobs.Skip(2).Take(2).Select(job => job.TimeLimitSeconds));
        Assert.Equal(1024000, trace.Jobs[2].RequestedMemoryKilobytesPerCpu);

        // 4104+1: 1-01:00:00 = 90000 s, 2-00:00:00 = 172800 s, 64Gn x 2 nodes / 32 CPUs = 4194304 KB.
        var component = trace.Jobs[5];
        Assert.Equal((90000L, 172800L), (component.RunSeconds, component.TimeLimitSeconds));
        Assert.Equal(4194304, component.RequestedMemoryKilobytesPerCpu);

        // "CANCELLED by 1003" after it started is kept as cancelled.
        Assert.Equal(("CANCELLED", 5, 20480.0), (trace.Jobs[6].State, trace.Jobs[6].SwfStatus, trace.Jobs[6].MaxRssKilobytes));
    }

    [Fact]
    public void Read_ExampleHistory_CountsJobsThatCannotBeReplayedByReason()
    {
        var trace = SacctReader.Read(SacctText.ExampleHistory);

        Assert.Equal(4, trace.Dropped.Total);
        Assert.Equal(2, trace.Dropped.Counts["not finished: PENDING"]);
        Assert.Equal(1, trace.Dropped.Counts["not finished: RUNNING"]);
        Assert.Equal(1, trace.Dropped.Counts["never started: CANCELLED"]);
        Assert.Equal($"{SacctText.ExampleHistory}:10", trace.Dropped.FirstExample["not finished: PENDING"]);
        Assert.Equal($"{SacctText.ExampleHistory}:13", trace.Dropped.FirstExample["never started: CANCELLED"]);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrderWithExtraColumns_ReadsByName()
    {
        using var input = SacctText.Of(
            "State|JobName|AllocCPUS|Elapsed|Start|Submit|Timelimit|JobID",
            "COMPLETED|my job|4|00:01:40|2023-03-01T08:00:05|2023-03-01T08:00:00|00:05:00|12");

        var job = Assert.Single(SacctReader.Read(input, "s.txt").Jobs);

        Assert.Equal(("12", 4L, 100L, 300L, 5L), (job.SlurmJobId, job.AllocatedCpus, job.RunSeconds, job.TimeLimitSeconds, job.StartUnixSeconds - job.SubmitUnixSeconds));

        // Optional columns that are absent leave their values unknown.
        Assert.Equal((-1L, -1.0, -1.0, (string?)null), (job.RequestedCpus, job.RequestedMemoryKilobytesPerCpu, job.MaxRssKilobytes, job.User));
    }

    [Fact]
    public void Read_LowerCasePWithTrailingSeparator_ReadsLikeCapitalP()
    {
        using var input = SacctText.Of(SacctText.Header + "|", SacctText.Good + "|");

        var job = Assert.Single(SacctReader.Read(input, "s.txt").Jobs);

        Assert.Equal(("7001", 8L), (job.SlurmJobId, job.AllocatedCpus));
    }

    [Fact]
    public void Read_Gzip_ReadsDirectly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"augur-sacct-{Guid.NewGuid():N}.txt.gz");
        try
        {
            using (var file = File.Create(path))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                gzip.Write(File.ReadAllBytes(SacctText.ExampleHistory));
            }

            Assert.Equal(8, SacctReader.Read(path).Jobs.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_TimeZone_ConvertsLocalTimesToUtc()
    {
        using var input = SacctText.Of(SacctText.Header, SacctText.Good);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var job = Assert.Single(SacctReader.Read(input, "s.txt", new SacctReadOptions { TimeZone = berlin }).Jobs);

        // 08:00 in Berlin in March (CET, UTC+1) is 07:00 UTC: 1677657600 - 3600.
        Assert.Equal(1677654000, job.SubmitUnixSeconds);
    }

    [Fact]
    public void Read_AmbiguousLocalTime_IsReadAsStandardTime()
    {
        using var input = SacctText.Of(SacctText.Header, SacctText.GoodWith(5, "2023-10-29T02:30:00").Replace("2023-03-01T08:00:05", "2023-10-29T03:30:00", StringComparison.Ordinal));
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var job = Assert.Single(SacctReader.Read(input, "s.txt", new SacctReadOptions { TimeZone = berlin }).Jobs);

        // 02:30 happens twice on 2023-10-29 in Berlin; as CET (UTC+1) it is 01:30 UTC: day 19659 x 86400 + 5400.
        Assert.Equal((19659L * 86400) + 5400, job.SubmitUnixSeconds);
    }

    [Fact]
    public void Read_LocalTimeInDaylightSavingGap_StopsWithTheZone()
    {
        using var input = SacctText.Of(SacctText.Header, SacctText.GoodWith(5, "2023-03-26T02:30:00"));
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "s.txt", new SacctReadOptions { TimeZone = berlin }));

        Assert.Equal("s.txt:2: field 6 (Submit): not a time in Europe/Berlin: '2023-03-26T02:30:00' falls in a daylight-saving gap", error.Message);
    }

    [Theory]
    [InlineData(0, "", "missing value")]
    [InlineData(0, "abc", "not a job id (123, 123_4, 123_[5-9], 123+0, optionally .STEP): 'abc'")]
    [InlineData(0, "12_", "not a job id (123, 123_4, 123_[5-9], 123+0, optionally .STEP): '12_'")]
    [InlineData(0, "12.", "not a job id (123, 123_4, 123_[5-9], 123+0, optionally .STEP): '12.'")]
    [InlineData(5, "2023-03-01 08:00:00", "not a timestamp (yyyy-MM-ddTHH:mm:ss, Unknown or None): '2023-03-01 08:00:00'")]
    [InlineData(5, "2023-02-30T08:00:00", "not a timestamp (yyyy-MM-ddTHH:mm:ss, Unknown or None): '2023-02-30T08:00:00'")]
    [InlineData(5, "Unknown", "no submit time: 'Unknown'")]
    [InlineData(6, "2023-03-01T07:59:59", "start before submit: '2023-03-01T07:59:59' is earlier than '2023-03-01T08:00:00'")]
    [InlineData(8, "1:2:3:4", "not a duration ([D-]HH:MM:SS or MM:SS[.mmm]): '1:2:3:4'")]
    [InlineData(8, "00:61:00", "not a duration ([D-]HH:MM:SS or MM:SS[.mmm]): '00:61:00'")]
    [InlineData(8, "1-00:30", "not a duration ([D-]HH:MM:SS or MM:SS[.mmm]): '1-00:30'")]
    [InlineData(8, "", "missing value")]
    [InlineData(9, "forever", "not a time limit ([D-]HH:MM:SS or MM:SS[.mmm], UNLIMITED or Partition_Limit): 'forever'")]
    [InlineData(10, "eight", "not a number: 'eight'")]
    [InlineData(10, "0", "no CPUs allocated to a job that started")]
    [InlineData(11, "-2", "negative value -2")]
    [InlineData(12, "16", "memory without unit (K, M, G, T or P): '16'")]
    [InlineData(12, "16X", "not a memory size (4000M, 4G, 2Gn, 2Gc): '16X'")]
    [InlineData(13, "12Kc", "not a memory size (123456K, 1.5G): '12Kc'")]
    [InlineData(15, "DONE", "unknown state: 'DONE'")]
    [InlineData(15, "COMPLETED by 1000", "unknown state: 'COMPLETED by 1000'")]
    public void Read_BadField_StrictStopsWithFileLineFieldAndReason(int column, string value, string reason)
    {
        using var input = SacctText.Of(SacctText.Header, SacctText.Good, SacctText.GoodWith(column, value));

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "sacct.txt"));

        var name = SacctText.Header.Split('|')[column];
        Assert.Equal($"sacct.txt:3: field {column + 1} ({name}): {reason}", error.Message);
        Assert.Equal((3L, column + 1, name, reason), (error.Line, error.Field, error.FieldName, error.Reason));
    }

    [Fact]
    public void Read_PerNodeMemoryWithoutNNodes_NamesTheColumnItNeeds()
    {
        using var input = SacctText.Of(
            "JobID|Submit|Start|Elapsed|Timelimit|AllocCPUS|ReqMem|State",
            "12|2023-03-01T08:00:00|2023-03-01T08:00:05|00:01:40|00:05:00|4|2Gn|COMPLETED");

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "s.txt"));

        Assert.Equal("s.txt:2: field 7 (ReqMem): per-node memory '2Gn' needs the NNodes column", error.Message);
    }

    [Fact]
    public void Read_WrongFieldCount_NamesTheRecord()
    {
        using var input = SacctText.Of(SacctText.Header, SacctText.Good + "|extra");

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "s.txt"));

        Assert.Equal("s.txt:2: wrong field count: expected 17, found 18", error.Message);
    }

    [Fact]
    public void Read_StepBeforeItsJob_IsABadRecord()
    {
        using var input = SacctText.Of(SacctText.Header, "7002.batch|||p-astro||2023-03-01T08:00:05|2023-03-01T08:00:05|2023-03-01T08:30:05|00:30:00||8|8||1536000K|1|COMPLETED|0:0");

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "s.txt"));

        Assert.Equal("s.txt:2: field 1 (JobID): step without its job: no record of job 7002 before '7002.batch'", error.Message);
    }

    [Fact]
    public void Read_MissingRequiredColumns_StopsAtTheHeaderNamingThem()
    {
        using var input = SacctText.Of("JobID|User|Submit|Start|End|State", "7001|alice|2023-03-01T08:00:00|2023-03-01T08:00:05|2023-03-01T08:30:05|COMPLETED");

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "s.txt"));

        Assert.StartsWith("s.txt:1: header: missing required columns Elapsed, Timelimit, AllocCPUS (found 'JobID|User|Submit|Start|End|State'); write the file with 'sacct -a -P --format=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoHeader_SaysTheColumnsAreMissing()
    {
        // sacct --noheader: the first record is taken as the header and lacks every column name.
        using var input = SacctText.Of(SacctText.Good);

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "s.txt"));

        Assert.StartsWith("s.txt:1: header: missing required columns JobID, Submit, Start, Elapsed, Timelimit, AllocCPUS, State", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ColumnNamedTwice_StopsAtTheHeader()
    {
        using var input = SacctText.Of(SacctText.Header + "|jobid", SacctText.Good + "|7001");

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "s.txt"));

        Assert.Equal("s.txt:1: header: column 'jobid' appears twice", error.Message);
    }

    [Fact]
    public void Read_EmptyFile_SaysSo()
    {
        using var input = new MemoryStream();

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "s.txt"));

        Assert.StartsWith("s.txt: empty file: expected a header line of column names, as 'sacct -a -P --format=JobID,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BinaryGarbage_IsRefusedAsNotText()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x01;
        using var input = new MemoryStream(garbage);

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "s.bin"));

        Assert.Equal("s.bin", error.File);
        Assert.Contains("header: not text (binary data?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OnlyUnfinishedJobs_FailsSayingWhy()
    {
        using var input = SacctText.Of(SacctText.Header, SacctText.GoodWith(15, "PENDING"), SacctText.GoodWith(15, "RUNNING"));

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "s.txt"));

        Assert.Equal("s.txt: no finished job to convert; 2 dropped: not finished: PENDING: 1, not finished: RUNNING: 1", error.Message);
    }

    [Fact]
    public void Read_Lenient_SkipsBadRecordsCountsThemAndIgnoresTheirSteps()
    {
        using var input = SacctText.Of(
            SacctText.Header,
            SacctText.GoodWith(8, "xx"),
            "7001.batch|||p-astro||2023-03-01T08:00:05|2023-03-01T08:00:05|2023-03-01T08:30:05|00:30:00||8|8||1536000K|1|COMPLETED|0:0",
            SacctText.GoodWith(0, "7002").Replace("00:30:00", "yy", StringComparison.Ordinal),
            SacctText.GoodWith(0, "7003") + "|",
            SacctText.GoodWith(0, "7004"),
            SacctText.GoodWith(0, "7005").Replace("COMPLETED", "RUNNING", StringComparison.Ordinal));

        var trace = SacctReader.Read(input, "s.txt", new SacctReadOptions { Lenient = true });

        var kept = Assert.Single(trace.Jobs);
        Assert.Equal(("7004", 6L), (kept.SlurmJobId, kept.Line));
        Assert.Equal(3, trace.Skipped.Total);
        Assert.Equal(2, trace.Skipped.Counts["field 9 (Elapsed): not a duration"]);
        Assert.Equal(1, trace.Skipped.Counts["wrong field count"]);
        Assert.Equal("s.txt:2", trace.Skipped.FirstExample["field 9 (Elapsed): not a duration"]);
        Assert.Equal(1, trace.Dropped.Counts["not finished: RUNNING"]);
        Assert.Equal(1, trace.Steps);
    }

    [Fact]
    public void Read_LenientAndEveryRecordBad_FailsSayingHowMany()
    {
        using var input = SacctText.Of(SacctText.Header, SacctText.GoodWith(8, "xx"));

        var error = Assert.Throws<TraceFormatException>(() => SacctReader.Read(input, "s.txt", new SacctReadOptions { Lenient = true }));

        Assert.Equal("s.txt: no finished job to convert; 1 bad: field 9 (Elapsed): not a duration: 1", error.Message);
    }

    [Fact]
    public void Read_CarriageReturnLineEnds_ReadLikeNewlines()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(SacctText.Header + "\r\n" + SacctText.Good + "\r\n"));

        Assert.Equal("7001", Assert.Single(SacctReader.Read(input, "s.txt").Jobs).SlurmJobId);
    }
}
