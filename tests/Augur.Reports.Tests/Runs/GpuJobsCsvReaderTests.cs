using Augur.Core.Clusters;
using Augur.Core.Jobs;
using Augur.Core.Resources;
using Augur.Core.Time;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Reports.Comparisons;
using Augur.Reports.Gpu;
using Augur.Reports.Runs;
using Augur.Simulation.Gpu;

namespace Augur.Reports.Tests.Runs;

public sealed class GpuJobsCsvReaderTests : IDisposable
{
    private const string Path = "runs/gpu/jobs.csv";

    private const string Header = "id,submit,start,end,wait,jct,run,trace_run,gpus,gpu_milli,nodes,slowed,group,energy_joules";

    private readonly string root = Directory.CreateTempSubdirectory("augur-gpu-jobs-csv-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Read_FinishedNeverStartedAndNeverFinishedRows_TakesEveryValue()
    {
        var text = Header + """

            a,2,2,32.5,0,30.5,30.5,30.5,1,250,1,0,LS,533.75
            "b,x",3,,,,,,1,1,1000,0,0,BE,0
            c,1,1,,0,,,100,4,1000,1,0,vc,2250
            """;

        var table = Read(text);

        Assert.Equal(Path, table.Path);
        Assert.Equal(3, table.Jobs.Count);

        // a: submitted 2, started 2, ended 32.5: wait 0, JCT 30.5, run 30.5.
        Assert.Equal(new GpuJobRow("a", 2, 2, 32.5, 0, 30.5, 30.5, 30.5, 1, 250, "LS", 533.75), table.Jobs[0]);
        Assert.True(table.Jobs[0].Finished);

        // "b,x" is quoted because of its comma, and never started.
        var never = table.Jobs[1];
        Assert.Equal("b,x", never.Id);
        Assert.False(never.Started);
        Assert.True(double.IsNaN(never.Start) && double.IsNaN(never.End) && double.IsNaN(never.Wait) && double.IsNaN(never.Jct) && double.IsNaN(never.Run));

        // c was preempted and never resumed: it started and waited 0, but has no end, JCT or run.
        var preempted = table.Jobs[2];
        Assert.True(preempted.Started);
        Assert.False(preempted.Finished);
        Assert.Equal(1, preempted.Start);
        Assert.Equal(0, preempted.Wait);
        Assert.True(double.IsNaN(preempted.Jct) && double.IsNaN(preempted.Run));
        Assert.Equal(4, preempted.Gpus);
        Assert.Equal("vc", preempted.Group);
    }

    [Fact]
    public void Read_QuotedFieldWithAQuote_UnescapesIt()
    {
        var job = Assert.Single(Read(Header + "\n\"say \"\"hi\"\"\",0,0,10,0,10,10,10,1,1000,1,0,\"g,1\",2500").Jobs);

        Assert.Equal("say \"hi\"", job.Id);
        Assert.Equal("g,1", job.Group);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrderAndAnUnknownColumn_ReadsByName()
    {
        var text = "energy_joules,group,gpu_milli,gpus,trace_run,run,jct,wait,end,start,submit,id,colour\n500,vc,1000,2,40,40,100,60,100,60,0,j,blue";

        var job = Assert.Single(Read(text).Jobs);

        // Submitted at 0, started at 60, ended at 100: wait 60, JCT 100, run 40.
        Assert.Equal(new GpuJobRow("j", 0, 60, 100, 60, 100, 40, 40, 2, 1000, "vc", 500), job);
    }

    [Fact]
    public void Read_WhatGpuJobsCsvWriterWrites_GivesTheScheduleBack()
    {
        // One node of 1 GPU: "a" (1 GPU, 0 s, 10 s) runs 0-10; "b" (1 GPU, 5 s, 20 s) waits for it and runs 10-30.
        var jobs = new List<GpuWorkloadJob>
        {
            new(new GpuJobRequest(0, "a", Instant.FromSeconds(0), GpuRequest.Whole(1), "vc1"), Duration.FromSeconds(10)),
            new(new GpuJobRequest(1, "b", Instant.FromSeconds(5), GpuRequest.Whole(1), "vc2"), Duration.FromSeconds(20)),
        };
        var result = new GpuSimulator(new GpuWorkload("w", jobs), GpuClusterSpec.FromGpuCount(1), new GpuFifoPolicy(), new ConsolidatePlacement()).Run();
        using var writer = new StringWriter();
        GpuJobsCsvWriter.Write(writer, result);

        var table = Read(writer.ToString());

        // b: wait 10 - 5 = 5, JCT 30 - 5 = 25, run 20; energy: a generic GPU at 250 W: 2,500 J and 5,000 J.
        Assert.Equal(
            new[]
            {
                new GpuJobRow("a", 0, 0, 10, 0, 10, 10, 10, 1, 1000, "vc1", 2500),
                new GpuJobRow("b", 5, 10, 30, 5, 25, 20, 20, 1, 1000, "vc2", 5000),
            },
            table.Jobs);
    }

    [Fact]
    public void Read_MissingFile_NamesTheFile()
    {
        var file = System.IO.Path.Combine(root, "jobs.csv");

        var error = Assert.Throws<RunFolderException>(() => GpuJobsCsvReader.Read(file));

        Assert.Equal($"{file}: missing (is its folder a GPU run folder written by augur simulate?)", error.Message);
    }

    [Theory]
    [InlineData("", "1: empty file: expected the header line id,submit,...")]
    [InlineData("id,submit,start,end,wait,run,procs,bsld\n1,0,0,10,0,10,1,1", "1: field jct: missing from the header")]
    [InlineData(Header + "\na,0,0,10,0,10,10,10,1,1000,1,0,vc", "2: 13 fields, the header has 14")]
    [InlineData(Header + "\n,0,0,10,0,10,10,10,1,1000,1,0,vc,0", "2: field id: empty")]
    [InlineData(Header + "\na,-1,0,10,1,11,10,10,1,1000,1,0,vc,0", "2: field submit: -1 is below 0")]
    [InlineData(Header + "\na,5,0,10,0,5,10,10,1,1000,1,0,vc,0", "2: field start: 0 is below 5")]
    [InlineData(Header + "\na,0,20,10,20,10,0,10,1,1000,1,0,vc,0", "2: field end: 10 is below 20")]
    [InlineData(Header + "\na,0,5,10,4,10,5,5,1,1000,1,0,vc,0", "2: field wait: 4 is not start - submit (5)")]
    [InlineData(Header + "\na,0,5,10,5,12,5,5,1,1000,1,0,vc,0", "2: field jct: 12 is not end - submit (10)")]
    [InlineData(Header + "\na,0,5,10,5,10,4,5,1,1000,1,0,vc,0", "2: field run: 4 is not end - start (5)")]
    [InlineData(Header + "\na,0,,10,,,,5,1,1000,0,0,vc,0", "2: field end: has a value but start is empty (a job that never started has no schedule)")]
    [InlineData(Header + "\na,0,,,0,,,5,1,1000,0,0,vc,0", "2: field wait: has a value but start is empty (a job that never started has no schedule)")]
    [InlineData(Header + "\na,0,0,,0,10,,5,1,1000,1,0,vc,0", "2: field jct: has a value but end is empty (a job preempted and never resumed has no completion)")]
    [InlineData(Header + "\na,0,0,10,0,10,10,x,1,1000,1,0,vc,0", "2: field trace_run: 'x' is not a number")]
    [InlineData(Header + "\na,0,0,10,0,10,10,10,-1,1000,1,0,vc,0", "2: field gpus: -1 is out of range [0, 2147483647]")]
    [InlineData(Header + "\na,0,0,10,0,10,10,10,1,1001,1,0,vc,0", "2: field gpu_milli: 1001 is out of range [0, 1000]")]
    [InlineData(Header + "\na,0,0,10,0,10,10,10,1.5,1000,1,0,vc,0", "2: field gpus: '1.5' is not a whole number")]
    [InlineData(Header + "\na,0,0,10,0,10,10,10,1,1000,1,0,vc,-3", "2: field energy_joules: -3 is below 0")]
    [InlineData(Header + "\n\"a,0,0,10,0,10,10,10,1,1000,1,0,vc,0", "2: a quoted field is not closed on its line")]
    [InlineData(Header + "\n\"a\"b,0,0,10,0,10,10,10,1,1000,1,0,vc,0", "2: text after a closing quote in field 1")]
    [InlineData(Header + "\na,0,0,10,0,10,10,10,1,1000,1,0,vc,0\n\nb,0,0,10,0,10,10,10,1,1000,1,0,vc,0", "3: empty line")]
    [InlineData(Header + ",gpus\na,0,0,10,0,10,10,10,1,1000,1,0,vc,0,1", "1: field gpus: appears twice in the header")]
    public void Read_MalformedFile_StopsWithTheFileLineFieldAndReason(string text, string expected)
    {
        var error = Assert.Throws<RunFolderException>(() => Read(text));

        Assert.Equal($"{Path}:{expected}", error.Message);
    }

    private static GpuJobTable Read(string text)
    {
        using var reader = new StringReader(text);
        return GpuJobsCsvReader.Read(reader, Path);
    }
}
