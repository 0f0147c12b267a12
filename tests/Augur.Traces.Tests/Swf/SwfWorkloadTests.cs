using System.Text;

using Augur.Core.Jobs;
using Augur.Core.Time;
using Augur.Traces.Filters;
using Augur.Traces.Swf;

namespace Augur.Traces.Tests.Swf;

public sealed class SwfWorkloadTests
{
    [Theory]
    [InlineData(8, 16, 8)]
    [InlineData(-1, 16, 16)]
    [InlineData(0, 16, 16)]
    [InlineData(8, -1, 8)]
    [InlineData(-1, -1, -1)]
    [InlineData(0, 0, 0)]
    public void ProcessorsOf_AllocatedKnown_UsesFieldFiveElseFieldEight(long allocated, long requested, long expected)
    {
        var record = Record(1, submit: 0) with { AllocatedProcessors = allocated, RequestedProcessors = requested };

        Assert.Equal(expected, SwfWorkload.ProcessorsOf(record));
    }

    [Fact]
    public void Build_Processors_ComeFromFieldFiveElseFieldEight()
    {
        var trace = Trace(
            Record(1, submit: 0) with { AllocatedProcessors = 8, RequestedProcessors = 16 },
            Record(2, submit: 1) with { AllocatedProcessors = -1, RequestedProcessors = 16 },
            Record(3, submit: 2) with { AllocatedProcessors = 0, RequestedProcessors = 4 });

        var workload = SwfWorkload.Build(trace, new RunnableJobFilter(), machineProcessors: 64).Workload;

        Assert.Equal([8, 16, 4], workload.Jobs.Select(j => j.Request.Processors));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Build_RequestedTimeUnknownOrZero_IsAbsent(long requested)
    {
        var trace = Trace(Record(1, submit: 0) with { RequestedTime = requested });

        var job = Assert.Single(SwfWorkload.Build(trace, new RunnableJobFilter(), 64).Workload.Jobs);

        Assert.False(job.Request.HasRequestedTime);
        Assert.Equal(Duration.MaxValue, job.Request.RequestedTime);
    }

    [Fact]
    public void Build_RequestedTimePositive_IsFieldNine()
    {
        var trace = Trace(Record(1, submit: 0) with { RequestedTime = 7200 });

        var job = Assert.Single(SwfWorkload.Build(trace, new RunnableJobFilter(), 64).Workload.Jobs);

        Assert.True(job.Request.HasRequestedTime);
        Assert.Equal(Duration.FromSeconds(7200), job.Request.RequestedTime);
    }

    [Fact]
    public void Build_Record_MapsRequestOutcomeAndFeatures()
    {
        var trace = Trace(new SwfRecord(42, 100, 20, 3600, 64, 3500, 1024, 128, 7200, 2048, 5, 12, 3, 7, 2, 1, -1, -1) { Line = 9 });

        var job = Assert.Single(SwfWorkload.Build(trace, new RunnableJobFilter(), 128).Workload.Jobs);

        Assert.Equal(0, job.Request.Index);
        Assert.Equal(42, job.Request.Id);
        Assert.Equal(Instant.FromSeconds(100), job.Request.Submit);
        Assert.Equal(64, job.Request.Processors);
        Assert.Equal(2048, job.Request.RequestedMemoryKilobytes);
        Assert.Equal(new JobFeatures(12, 3, 7, 2, 1), job.Request.Features);
        Assert.Equal(Duration.FromSeconds(3600), job.Outcome.RunTime);
        Assert.Equal(1024, job.Outcome.UsedMemoryKilobytes);
        Assert.Equal(JobExitKind.Cancelled, job.Outcome.ExitKind);
    }

    [Theory]
    [InlineData(1, JobExitKind.Completed)]
    [InlineData(0, JobExitKind.Failed)]
    [InlineData(5, JobExitKind.Cancelled)]
    [InlineData(-1, JobExitKind.Unknown)]
    [InlineData(2, JobExitKind.Unknown)]
    public void Build_Status_MapsToExitKind(long status, JobExitKind expected)
    {
        var trace = Trace(Record(1, submit: 0) with { Status = status });

        var job = Assert.Single(SwfWorkload.Build(trace, new RunnableJobFilter(), 64).Workload.Jobs);

        Assert.Equal(expected, job.Outcome.ExitKind);
    }

    [Fact]
    public void Build_OutOfOrderSubmits_SortsStablyBySubmitWithFileOrderBreakingTies()
    {
        var trace = Trace(
            Record(1, submit: 10),
            Record(2, submit: 5),
            Record(3, submit: 5),
            Record(4, submit: 0),
            Record(5, submit: 10),
            Record(6, submit: 5));

        var built = SwfWorkload.Build(trace, new RunnableJobFilter(), 64);

        Assert.Equal([4L, 2L, 3L, 6L, 1L, 5L], built.Workload.Jobs.Select(j => j.Request.Id));
        Assert.Equal([3, 1, 2, 5, 0, 4], built.RecordOfJob);
        Assert.Equal(Enumerable.Range(0, 6), built.Workload.Jobs.Select(j => j.Request.Index));
    }

    [Fact]
    public void Build_ManyEqualSubmitsOutOfOrder_KeepsFileOrderAmongEquals()
    {
        var records = Enumerable.Range(1, 500).Select(i => Record(i, submit: i % 3 == 0 ? 100 : 50)).Reverse().ToArray();
        var trace = Trace(records);

        var built = SwfWorkload.Build(trace, new RunnableJobFilter(), 64);

        var expected = records.Where(r => r.SubmitTime == 50).Concat(records.Where(r => r.SubmitTime == 100)).Select(r => r.JobNumber);
        Assert.Equal(expected, built.Workload.Jobs.Select(j => j.Request.Id));
    }

    [Fact]
    public void Build_SortedInputWithTies_KeepsFileOrder()
    {
        var trace = Trace(Record(3, submit: 0), Record(1, submit: 0), Record(2, submit: 7));

        var built = SwfWorkload.Build(trace, new RunnableJobFilter(), 64);

        Assert.Equal([3L, 1L, 2L], built.Workload.Jobs.Select(j => j.Request.Id));
        Assert.Equal([0, 1, 2], built.RecordOfJob);
    }

    [Fact]
    public void Build_DefaultFilter_DropsAndCountsUnrunnableJobsByReason()
    {
        var trace = Trace(
            Record(1, submit: 0),
            Record(2, submit: 1) with { AllocatedProcessors = -1, RequestedProcessors = -1 },
            Record(3, submit: 2) with { AllocatedProcessors = 65 },
            Record(4, submit: -1),
            Record(5, submit: 3) with { RunTime = -1 },
            Record(6, submit: 4) with { RunTime = 0 },
            Record(7, submit: 5) with { RequestedTime = -1 },
            Record(8, submit: 6) with { AllocatedProcessors = 0, RequestedProcessors = 0 },
            Record(9, submit: 7) with { AllocatedProcessors = 64 },
            Record(10, submit: 8) with { RunTime = -1 });

        var built = SwfWorkload.Build(trace, new RunnableJobFilter(), machineProcessors: 64);

        Assert.Equal([1L, 6L, 7L, 9L], built.Workload.Jobs.Select(j => j.Request.Id));
        Assert.Equal([0, 5, 6, 8], built.RecordOfJob);
        Assert.Equal(6, built.Dropped.Total);
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["no processor count (fields 5 and 8 unknown or zero)"] = 2,
                ["no run time"] = 2,
                ["no submit time"] = 1,
                ["wider than the machine"] = 1,
            },
            built.Dropped.Counts);
        Assert.Equal("trace.swf:2", built.Dropped.FirstExample["no processor count (fields 5 and 8 unknown or zero)"]);
        Assert.Equal("trace.swf:5", built.Dropped.FirstExample["no run time"]);
        var kept = built.Workload.Jobs;
        Assert.Equal(Duration.Zero, kept[1].Outcome.RunTime);
        Assert.False(kept[2].Request.HasRequestedTime);
    }

    [Fact]
    public void Build_Sc15Filter_KeepsOnlyJobsPassingEveryRule()
    {
        var trace = Trace(
            Record(1, submit: 1),
            Record(2, submit: 0),
            Record(8, submit: 0) with { SubmitTime = -1 },
            Record(3, submit: 2) with { RunTime = 0 },
            Record(4, submit: 3) with { RequestedTime = -1 },
            Record(5, submit: 4) with { RequestedTime = 99, RunTime = 100 },
            Record(6, submit: 5) with { RequestedTime = 100, RunTime = 100 },
            Record(7, submit: 6) with { AllocatedProcessors = 65 });

        var built = SwfWorkload.Build(trace, new Sc15JobFilter(), machineProcessors: 64);

        // Job 2 (submitted at 0) is kept, as in the job sets pyss simulated; job 8 has no submit time.
        Assert.Equal([2L, 1L, 6L], built.Workload.Jobs.Select(j => j.Request.Id));
        Assert.Equal(5, built.Dropped.Total);
        Assert.Equal(1, built.Dropped.Counts["sc15: submit time < 0"]);
    }

    [Fact]
    public void Build_Workload_TakesTheMachineSizeAndTheFileName()
    {
        var trace = Trace(Record(1, submit: 0));

        var named = SwfWorkload.Build(trace, new RunnableJobFilter(), 64, name: "kth");
        var unnamed = SwfWorkload.Build(trace, new RunnableJobFilter(), 64);

        Assert.Equal("kth", named.Workload.Name);
        Assert.Equal("trace.swf", unnamed.Workload.Name);
        Assert.Equal(64, unnamed.Workload.MachineProcessors);
    }

    [Fact]
    public void Build_FromReadTrace_UsesLinesForDroppedExamples()
    {
        var text = "; MaxProcs: 4\n1 0 0 10 2 -1 -1 2 20 -1 1 1 1 -1 1 1 -1 -1\n\n2 5 0 10 8 -1 -1 8 20 -1 1 1 1 -1 1 1 -1 -1\n";
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(text));
        var trace = SwfReader.Read(stream, "dir/small.swf");

        var built = SwfWorkload.Build(trace, JobFilters.Create("default"), trace.Header.MachineProcessors!.Value);

        Assert.Equal("dir/small.swf:4", built.Dropped.FirstExample["wider than the machine"]);
        Assert.Equal("small.swf", built.Workload.Name);
    }

    /// <summary>
    /// Bug: the reader accepts integers up to 2^61 - 1, but SwfWorkload converts seconds to microseconds
    /// with checked arithmetic, so a time above about 9.2e12 s (a plausible typo or a millisecond
    /// timestamp such as 1357047665000000) escapes as System.OverflowException instead of a located error.
    /// </summary>
    [Theory]
    [InlineData("1 10000000000000 0 10 1 -1 -1 1 100 -1 1 1 1 -1 1 1 -1 -1")]
    [InlineData("1 0 0 10000000000000 1 -1 -1 1 100 -1 1 1 1 -1 1 1 -1 -1")]
    [InlineData("1 0 0 10 1 -1 -1 1 10000000000000 -1 1 1 1 -1 1 1 -1 -1")]
    public void Build_TimeBeyondTheClockRange_FailsOnlyWithTraceFormatException(string line)
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(line + "\n"));

        var exception = Xunit.Record.Exception(() => SwfWorkload.Build(SwfReader.Read(stream, "huge.swf"), new RunnableJobFilter(), 8));

        Assert.True(exception is null or TraceFormatException, $"threw {exception?.GetType()}: {exception?.Message}");
    }

    private static SwfRecord Record(long job, long submit) =>
        new(job, submit, 0, 100, 4, -1, -1, 4, 200, -1, 1, 1, 1, -1, 1, 1, -1, -1) { Line = job };

    private static SwfTrace Trace(params SwfRecord[] records)
    {
        var header = new SwfHeader();
        header.AddDirective("MaxProcs", "64");
        return new SwfTrace("trace.swf", header, records, new SkippedRecords());
    }
}
