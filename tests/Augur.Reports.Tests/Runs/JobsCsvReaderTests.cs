using Augur.Reports.Comparisons;
using Augur.Reports.Runs;
using Augur.Reports.Tables;

namespace Augur.Reports.Tests.Runs;

public sealed class JobsCsvReaderTests : IDisposable
{
    private const string Path = "runs/x/jobs.csv";

    private const string Header = "id,submit,start,end,wait,run,procs,bsld";

    private readonly string root = Directory.CreateTempSubdirectory("augur-jobs-csv-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Read_FileWithUserAndPredictedColumns_TakesEveryValue()
    {
        var text = """
            id,submit,start,end,wait,run,procs,requested_time,bsld,backfilled,user,predicted,corrections
            1,0,0,100,0,100,2,200,1,0,5,120,0
            2,10,100,130,90,30,4,60,4,0,7,-1,0
            """;

        var table = Read(text);

        Assert.Equal(Path, table.Path);
        Assert.True(table.HasUsers);
        Assert.True(table.HasPredictions);
        Assert.Equal(2, table.Jobs.Count);
        Assert.Equal(new JobRow(1, 0, 0, 100, 0, 100, 2, 1, 5, 120), table.Jobs[0]);

        // Job 2: submitted at 10, started at 100 (wait 90), ran 30 s; bsld (90 + 30) / 30 = 4; unbounded estimate -1.
        Assert.Equal(new JobRow(2, 10, 100, 130, 90, 30, 4, 4, 7, -1), table.Jobs[1]);
        Assert.True(table.Jobs[1].Started);
    }

    [Fact]
    public void Read_FileWithoutUserOrPredictedColumns_UsesMinusOneAndNaN()
    {
        var text = """
            id,submit,start,end,wait,run,procs,requested_time,bsld,backfilled
            1,0,0,97225,0,97225,56,210000,1,0
            3,327998,337334,337511,9336,177,84,14400,53.745763,0
            """;

        var table = Read(text);

        Assert.False(table.HasUsers);
        Assert.False(table.HasPredictions);
        Assert.Equal(2, table.Jobs.Count);
        var job = table.Jobs[1];
        Assert.Equal(3, job.Id);
        Assert.Equal(327998, job.Submit);
        Assert.Equal(337334, job.Start);
        Assert.Equal(337511, job.End);
        Assert.Equal(9336, job.Wait);
        Assert.Equal(177, job.Run);
        Assert.Equal(84, job.Processors);
        Assert.Equal(53.745763, job.BoundedSlowdown);
        Assert.Equal(-1, job.User);
        Assert.True(double.IsNaN(job.Predicted));
    }

    [Fact]
    public void Read_NeverStartedRow_HasNaNForEveryScheduleValue()
    {
        var text = """
            id,submit,start,end,wait,run,procs,requested_time,bsld,backfilled,user,predicted,corrections
            9,20,,,,,3,10,,0,-1,15.5,0
            """;

        var job = Assert.Single(Read(text).Jobs);

        Assert.False(job.Started);
        Assert.Equal(9, job.Id);
        Assert.Equal(20, job.Submit);
        Assert.True(double.IsNaN(job.Start));
        Assert.True(double.IsNaN(job.End));
        Assert.True(double.IsNaN(job.Wait));
        Assert.True(double.IsNaN(job.Run));
        Assert.True(double.IsNaN(job.BoundedSlowdown));
        Assert.Equal(3, job.Processors);
        Assert.Equal(-1, job.User);
        Assert.Equal(15.5, job.Predicted);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrderAndAnUnknownColumn_ReadsByName()
    {
        var text = """
            bsld,colour,procs,run,wait,end,start,submit,id
            2.5,blue,8,40,60,100,60,0,42
            """;

        var job = Assert.Single(Read(text).Jobs);

        // Submitted at 0, started at 60, ended at 100: wait 60, run 40, bsld (60 + 40) / 40 = 2.5.
        Assert.Equal(new JobRow(42, 0, 60, 100, 60, 40, 8, 2.5, -1, double.NaN), job);
    }

    [Fact]
    public void Read_WhatJobsCsvWriterWrites_GivesTheScheduleBack()
    {
        using var writer = new StringWriter();
        JobsCsvWriter.Write(writer, ThreeJobSchedule.Run());

        var table = Read(writer.ToString());

        // ThreeJobSchedule: job 1 0-100 on 2, job 2 (user 7) 100-130 on 4 after waiting 90, job 3 130-135 on 1
        // after waiting 110; bsld 1, (90 + 30) / 30 = 4, (110 + 5) / 10 = 11.5.
        Assert.True(table.HasUsers);
        Assert.False(table.HasPredictions);
        Assert.Equal(
            new[]
            {
                new JobRow(1, 0, 0, 100, 0, 100, 2, 1, -1, double.NaN),
                new JobRow(2, 10, 100, 130, 90, 30, 4, 4, 7, double.NaN),
                new JobRow(3, 20, 130, 135, 110, 5, 1, 11.5, -1, double.NaN),
            },
            table.Jobs);
    }

    [Fact]
    public void Read_WhatJobsCsvWriterWritesWithAPredictor_HasTheFirstEstimates()
    {
        using var writer = new StringWriter();
        JobsCsvWriter.Write(writer, PredictedSchedule.Run());

        var table = Read(writer.ToString());

        // PredictedSchedule's first estimates: 100, 100, 10 (20.5 capped to the request), 12.5.
        Assert.True(table.HasPredictions);
        Assert.Equal(new[] { 100, 100, 10, 12.5 }, table.Jobs.Select(job => job.Predicted));
    }

    [Fact]
    public void Read_FileOnDisk_ReadsItAndKeepsItsPath()
    {
        var file = System.IO.Path.Combine(root, "jobs.csv");
        File.WriteAllText(file, Header + "\n1,0,5,15,5,10,1,1\n");

        var table = JobsCsvReader.Read(file);

        Assert.Equal(file, table.Path);
        Assert.Equal(new JobRow(1, 0, 5, 15, 5, 10, 1, 1, -1, double.NaN), Assert.Single(table.Jobs));
    }

    [Fact]
    public void Read_MissingFile_NamesTheFile()
    {
        var file = System.IO.Path.Combine(root, "jobs.csv");

        var error = Assert.Throws<RunFolderException>(() => JobsCsvReader.Read(file));

        Assert.Equal($"{file}: missing (is its folder a run folder written by augur simulate?)", error.Message);
    }

    [Theory]
    [InlineData("", "1: empty file: expected the header line id,submit,...")]
    [InlineData("id,submit,start,end,wait,run,procs\n1,0,0,10,0,10,1", "1: field bsld: missing from the header")]
    [InlineData(Header + "\n1,0,0,10,0,10,1,1\n2,0,0,10", "3: 4 fields, the header has 8")]
    [InlineData(Header + "\n1,0,0,10,0,10,1,1,7", "2: 9 fields, the header has 8")]
    [InlineData(Header + "\n1,0,0,10,zero,10,1,1", "2: field wait: 'zero' is not a number")]
    [InlineData(Header + "\n1,0,0,10,0,NaN,1,1", "2: field run: 'NaN' is not a number")]
    [InlineData(Header + "\n1,0,0,10,,10,1,1", "2: field wait: empty")]
    [InlineData(Header + "\n1.5,0,0,10,0,10,1,1", "2: field id: '1.5' is not a whole number")]
    [InlineData(Header + "\n1,-5,0,10,5,10,1,1", "2: field submit: -5 is below 0")]
    [InlineData(Header + "\n1,100,50,150,0,100,1,1", "2: field start: 50 is below 100")]
    [InlineData(Header + "\n1,0,50,40,50,0,1,1", "2: field end: 40 is below 50")]
    [InlineData(Header + "\n1,0,0,100,0,100,1,0.5", "2: field bsld: 0.5 is below 1")]
    [InlineData(Header + "\n1,0,,100,,,1,", "2: field end: has a value but start is empty (a job that never started has no schedule)")]
    [InlineData(Header + "\n1,0,,,,,1,3", "2: field bsld: has a value but start is empty (a job that never started has no schedule)")]
    [InlineData(Header + "\n1,0,0,10,0,10,0,1", "2: field procs: 0 is out of range [1, 2147483647]")]
    [InlineData(Header + ",user\n1,0,0,10,0,10,1,1,-2", "2: field user: -2 is out of range [-1, 2147483647]")]
    [InlineData(Header + ",predicted\n1,0,0,10,0,10,1,1,-3", "2: field predicted: -3 is below -1")]
    [InlineData(Header + "\n1,0,0,10,0,10,1,1\n\n2,0,0,10,0,10,1,1", "3: empty line")]
    [InlineData(Header + ",procs\n1,0,0,10,0,10,1,1,1", "1: field procs: appears twice in the header")]
    [InlineData(Header + ",predicted\n1,0,0,10,0,10,1,1,-0.5", "2: field predicted: -0.5 is neither -1 (unbounded) nor a run time of 0 or more")]
    [InlineData(Header + "\n1,5,20,30,10,10,1,1", "2: field wait: 10 is not start - submit (15)")]
    [InlineData(Header + "\n1,0,20,30,20,12,1,1", "2: field run: 12 is not end - start (10)")]
    public void Read_MalformedFile_StopsWithTheFileLineFieldAndReason(string text, string expected)
    {
        var error = Assert.Throws<RunFolderException>(() => Read(text));

        Assert.Equal($"{Path}:{expected}", error.Message);
    }

    private static JobTable Read(string text)
    {
        using var reader = new StringReader(text);
        return JobsCsvReader.Read(reader, Path);
    }
}
