using Augur.Reports.Comparisons;
using Augur.Reports.Runs;

namespace Augur.Reports.Tests.Runs;

public sealed class GpuAllocationCsvReaderTests : IDisposable
{
    private const string Path = "runs/gpu/gpu_allocation.csv";

    private const string Header = "start,end,allocated_gpus,fragmented_gpus,power_watts";

    private readonly string root = Directory.CreateTempSubdirectory("augur-gpu-allocation-csv-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Read_TwoIntervals_TakesEveryValue()
    {
        var rows = Read(Header + "\n0,1.9,4,0,1000\n1.9,3.8,2.5,0.75,700.5");

        Assert.Equal([new GpuAllocationRow(0, 1.9, 4, 0, 1000), new GpuAllocationRow(1.9, 3.8, 2.5, 0.75, 700.5)], rows);
    }

    [Fact]
    public void Read_WaitingJobsAndPreemptions_TakesThem()
    {
        var row = Assert.Single(Read(Header + ",waiting_jobs,preemptions\n0,10,1,0,250,2.5,3"));

        Assert.Equal(new GpuAllocationRow(0, 10, 1, 0, 250, 2.5, 3), row);
    }

    [Fact]
    public void Read_FileWrittenBeforeWaitingJobsAndPreemptions_HasNaNAndMinusOne()
    {
        var row = Assert.Single(Read(Header + "\n0,10,1,0,250"));

        Assert.True(double.IsNaN(row.WaitingJobs));
        Assert.Equal(-1, row.Preemptions);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrder_ReadsByName()
    {
        var row = Assert.Single(Read("power_watts,fragmented_gpus,allocated_gpus,end,start,note\n300,1,2,20,10,x"));

        Assert.Equal(new GpuAllocationRow(10, 20, 2, 1, 300), row);
    }

    [Fact]
    public void Read_HeaderOnly_HasNoRows()
    {
        Assert.Empty(Read(Header));
    }

    [Fact]
    public void Read_FileOnDisk_ReadsIt()
    {
        var file = System.IO.Path.Combine(root, GpuAllocationCsvReader.FileName);
        File.WriteAllText(file, Header + "\n0,10,1,0,250\n");

        Assert.Equal([new GpuAllocationRow(0, 10, 1, 0, 250)], GpuAllocationCsvReader.Read(file));
    }

    [Fact]
    public void Read_MissingFile_NamesTheFile()
    {
        var file = System.IO.Path.Combine(root, GpuAllocationCsvReader.FileName);

        var error = Assert.Throws<RunFolderException>(() => GpuAllocationCsvReader.Read(file));

        Assert.Equal($"{file}: missing (is its folder a GPU run folder written by augur simulate?)", error.Message);
    }

    [Theory]
    [InlineData("", "1: empty file: expected the header line start,end,...")]
    [InlineData("start,end,allocated_gpus,power_watts\n0,1,1,1", "1: field fragmented_gpus: missing from the header")]
    [InlineData(Header + "\n0,1,1,0", "2: 4 fields, the header has 5")]
    [InlineData(Header + "\n-1,1,1,0,1", "2: field start: -1 is below 0")]
    [InlineData(Header + "\n5,1,1,0,1", "2: field end: 1 is below 5")]
    [InlineData(Header + "\n5,5,1,0,1", "2: field end: the interval is empty (end = start)")]
    [InlineData(Header + "\n0,10,1,0,1\n9,20,1,0,1", "3: field start: 9 is before the previous interval's end (10)")]
    [InlineData(Header + "\n0,10,-2,0,1", "2: field allocated_gpus: -2 is below 0")]
    [InlineData(Header + "\n0,10,1,x,1", "2: field fragmented_gpus: 'x' is not a number")]
    [InlineData(Header + "\n0,10,1,0,", "2: field power_watts: empty")]
    [InlineData(Header + "\n0,10,1,0,1\n\n", "3: empty line")]
    [InlineData(Header + ",waiting_jobs,preemptions\n0,10,1,0,1,-1,0", "2: field waiting_jobs: -1 is below 0")]
    [InlineData(Header + ",waiting_jobs,preemptions\n0,10,1,0,1,0,1.5", "2: field preemptions: '1.5' is not a whole number")]
    [InlineData(Header + ",waiting_jobs,preemptions\n0,10,1,0,1,0,-2", "2: field preemptions: -2 is out of range [0, 9223372036854775807]")]
    public void Read_MalformedFile_StopsWithTheFileLineFieldAndReason(string text, string expected)
    {
        var error = Assert.Throws<RunFolderException>(() => Read(text));

        Assert.Equal($"{Path}:{expected}", error.Message);
    }

    private static IReadOnlyList<GpuAllocationRow> Read(string text)
    {
        using var reader = new StringReader(text);
        return GpuAllocationCsvReader.Read(reader, Path);
    }
}
