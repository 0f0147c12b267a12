using Augur.Traces.Slurm;
using Augur.Traces.Swf;

namespace Augur.Traces.Tests.Slurm;

public sealed class SacctToSwfTests
{
    /// <summary>
    /// docs/examples/sacct-history.txt by hand. Submit order: 4109 (07:59), 4101 (08:00), 4103_1 and 4103_2
    /// (08:02, file order), 4102 (08:05), 4104+0 and 4104+1 (09:00), 4106 (09:40); times from 07:59:00. Users
    /// by first appearance: bob 1, alice 2, carol 3, dave 4; groups chem 1, physics 2, bio 3; partitions
    /// batch 1, gpu 2, bigmem 3. Memory is KB per CPU: 500M/1 = 512000, 16G/8 = 2097152, 4000M/4 = 1024000,
    /// 2Gc = 2097152, 1Gn x 1/2 = 524288, 64Gn x 2/32 = 4194304, 1000M/1 = 1024000.
    /// </summary>
    private static readonly string[] ExpectedRecords =
    [
        "1 0 60 1 1 -1 -1 1 300 512000 0 1 1 -1 -1 1 -1 -1",
        "2 60 5 1800 8 -1 1536000 8 3600 2097152 1 2 2 -1 -1 1 -1 -1",
        "3 180 30 600 4 -1 -1 4 -1 1024000 0 2 2 -1 -1 2 -1 -1",
        "4 180 2280 0 4 -1 -1 4 -1 1024000 0 2 2 -1 -1 2 -1 -1",
        "5 360 300 7200 16 -1 3670016 16 7200 2097152 0 1 1 -1 -1 1 -1 -1",
        "6 3660 0 90000 2 -1 -1 2 172800 524288 1 3 2 -1 -1 1 -1 -1",
        "7 3660 0 90000 32 -1 -1 32 172800 4194304 1 3 2 -1 -1 3 -1 -1",
        "8 6060 60 570 1 -1 20480 1 1200 1024000 5 4 3 -1 -1 1 -1 -1",
    ];

    [Fact]
    public void Convert_ExampleHistory_GivesHandComputedRecords()
    {
        var conversion = SacctToSwf.Convert(SacctReader.Read(SacctText.ExampleHistory));

        using var text = new StringWriter();
        foreach (var record in conversion.Records)
        {
            SwfWriter.WriteRecord(text, record);
        }

        Assert.Equal(ExpectedRecords, text.ToString().TrimEnd('\n').Split('\n'));
        Assert.Equal(["4109", "4101", "4103_1", "4103_2", "4102", "4104+0", "4104+1", "4106"], conversion.Sources.Select(job => job.SlurmJobId));
    }

    [Fact]
    public void Convert_ExampleHistory_HeaderGivesStartTimeAndPeakProcessors()
    {
        var header = SacctToSwf.Convert(SacctReader.Read(SacctText.ExampleHistory)).Header;

        // 2023-03-01T07:59:00Z = 1677628800 + 28740.
        Assert.Equal(1677657540, header.UnixStartTime);

        // At 6120 s (4106 starts) 4102 (16), 4104+0 (2), 4104+1 (32) and 4106 (1) run: 51 CPUs, the most at once.
        Assert.Equal(51, header.MaxProcessors);
        Assert.Equal("8", header.Value("MaxJobs"));
    }

    [Fact]
    public void Convert_GivenProcessors_WritesThemAsMaxProcs()
    {
        var header = SacctToSwf.Convert(SacctReader.Read(SacctText.ExampleHistory), processors: 128).Header;

        Assert.Equal(128, header.MaxProcessors);
    }

    [Fact]
    public void Convert_WrittenSwf_ReadsBackWithTheSwfReader()
    {
        var conversion = SacctToSwf.Convert(SacctReader.Read(SacctText.ExampleHistory));
        using var text = new StringWriter();
        SwfWriter.Write(text, conversion.Header, conversion.Records);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString()));

        var trace = SwfReader.Read(stream, "out.swf");

        Assert.Equal(conversion.Records.Select(record => record with { Line = 0 }), trace.Records.Select(record => record with { Line = 0 }));
        Assert.Equal(51, trace.Header.MaxProcessors);
    }

    [Fact]
    public void PeakProcessors_EndAndStartAtOneSecond_DoNotOverlap()
    {
        SwfRecord[] records =
        [
            new(1, 0, 0, 10, 4, -1, -1, 4, -1, -1, 1, -1, -1, -1, -1, -1, -1, -1),
            new(2, 0, 10, 10, 4, -1, -1, 4, -1, -1, 1, -1, -1, -1, -1, -1, -1, -1),
            new(3, 5, 0, 0, 64, -1, -1, 64, -1, -1, 1, -1, -1, -1, -1, -1, -1, -1),
        ];

        // Job 2 starts at 10 s when job 1 ends; job 3 ran for 0 s and held nothing.
        Assert.Equal(4, SacctToSwf.PeakProcessors(records));
    }

    [Fact]
    public void WriteMap_ExampleHistory_TiesSwfNumbersToSlurmIds()
    {
        var conversion = SacctToSwf.Convert(SacctReader.Read(SacctText.ExampleHistory));
        using var text = new StringWriter();

        SacctJobMap.Write(text, conversion);

        var lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(9, lines.Length);
        Assert.Equal("swf_job,slurm_job_id,user,group,account,partition,state,line", lines[0]);
        Assert.Equal("1,4109,bob,chem,p-chem,batch,NODE_FAIL,18", lines[1]);
        Assert.Equal("7,4104+1,carol,physics,p-astro,bigmem,COMPLETED,12", lines[7]);
    }
}
