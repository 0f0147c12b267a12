using System.IO.Compression;
using System.Text;

using Augur.Traces.Swf;

namespace Augur.Traces.Tests.Swf;

public sealed class SwfReaderTests : IDisposable
{
    private const string Record1 = "1 0 10 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1";
    private const string Record2 = "2 10 0 50 2 -1 -1 2 60 -1 1 2 1 -1 1 1 -1 -1";
    private const string Record3 = "3 20 5 30 1 -1 -1 1 60 -1 0 3 1 -1 1 1 -1 -1";

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("augur-swfreader-");

    public void Dispose() => temp.Delete(recursive: true);

    [Fact]
    public void Read_HeaderDirectives_AreParsedIntoTypedValues()
    {
        var trace = Read(
            "; Version: 2.2\n" +
            "; Computer: IBM SP2\n" +
            "; MaxJobs: 3\n" +
            "; MaxProcs: 100\n" +
            "; MaxNodes: 110\n" +
            "; UnixStartTime: 812667922\n" +
            "; TimeZoneString: Europe/Stockholm\n" +
            "; Note: first note\n" +
            "; Note: second note: with a colon\n" +
            $"{Record1}\n");

        var header = trace.Header;
        Assert.Equal(100, header.MaxProcessors);
        Assert.Equal(110, header.MaxNodes);
        Assert.Equal(100, header.MachineProcessors);
        Assert.Equal(812667922L, header.UnixStartTime);
        Assert.Equal("Europe/Stockholm", header.TimeZoneString);
        Assert.Equal(["first note", "second note: with a colon"], header.Notes);
        Assert.Equal("IBM SP2", header.Value("Computer"));
        Assert.Equal("100", header.Value("maxprocs"));
        Assert.Null(header.Value("MaxRecords"));
        Assert.Empty(header.Comments);
    }

    [Fact]
    public void Read_UnknownDirectives_AreKeptInFileOrder()
    {
        var trace = Read(
            "; Version: 2.2\n" +
            "; MaxProcs: 16\n" +
            "; SomethingNew: value one\n" +
            "; Acknowledge: the people who gave the log\n" +
            "; SomethingNew: value two\n" +
            "; X1:   padded value   \n" +
            $"{Record1}\n");

        Assert.Equal(
            [
                new KeyValuePair<string, string>("Version", "2.2"),
                new KeyValuePair<string, string>("MaxProcs", "16"),
                new KeyValuePair<string, string>("SomethingNew", "value one"),
                new KeyValuePair<string, string>("Acknowledge", "the people who gave the log"),
                new KeyValuePair<string, string>("SomethingNew", "value two"),
                new KeyValuePair<string, string>("X1", "padded value"),
            ],
            trace.Header.Directives);
        Assert.Equal("value one", trace.Header.Value("SomethingNew"));
    }

    [Fact]
    public void Read_FreeComments_AreKeptInOrderAndNotTakenForDirectives()
    {
        var trace = Read(
            ";\n" +
            "; A free comment without any colon\n" +
            "; Converted by: a name with a space is not a directive\n" +
            "; 2nd: a name starting with a digit is not a directive\n" +
            ";: an empty name is not a directive\n" +
            ";    indented comment   \n" +
            "; MaxProcs: 16\n" +
            $"{Record1}\n");

        Assert.Equal(
            [
                string.Empty,
                "A free comment without any colon",
                "Converted by: a name with a space is not a directive",
                "2nd: a name starting with a digit is not a directive",
                ": an empty name is not a directive",
                "indented comment",
            ],
            trace.Header.Comments);
        Assert.Equal([new KeyValuePair<string, string>("MaxProcs", "16")], trace.Header.Directives);
    }

    [Fact]
    public void Read_EighteenFieldRecord_ParsesEveryField()
    {
        var trace = Read("; MaxProcs: 128\n7 100 20 3600 64 3500 1024 128 7200 2048 1 12 3 42 2 1 6 30\n");

        var record = Assert.Single(trace.Records);
        Assert.Equal(7, record.JobNumber);
        Assert.Equal(100, record.SubmitTime);
        Assert.Equal(20, record.WaitTime);
        Assert.Equal(3600, record.RunTime);
        Assert.Equal(64, record.AllocatedProcessors);
        Assert.Equal(3500.0, record.AverageCpuTime);
        Assert.Equal(1024.0, record.UsedMemory);
        Assert.Equal(128, record.RequestedProcessors);
        Assert.Equal(7200, record.RequestedTime);
        Assert.Equal(2048.0, record.RequestedMemory);
        Assert.Equal(1, record.Status);
        Assert.Equal(12, record.UserId);
        Assert.Equal(3, record.GroupId);
        Assert.Equal(42, record.ExecutableNumber);
        Assert.Equal(2, record.QueueNumber);
        Assert.Equal(1, record.PartitionNumber);
        Assert.Equal(6, record.PrecedingJobNumber);
        Assert.Equal(30, record.ThinkTime);
        Assert.Null(record.ExtraFields);
        Assert.Equal(2, record.Line);
        Assert.Equal(0, trace.Skipped.Total);
        Assert.Equal("test.swf", trace.Path);
    }

    [Fact]
    public void Read_AllFieldsUnknown_GivesMinusOneEverywhere()
    {
        var trace = Read("-1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1\n");

        var record = Assert.Single(trace.Records);
        Assert.Equal(
            new SwfRecord(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1) { Line = 1 },
            record);
    }

    [Fact]
    public void Read_DecimalsInFieldsSixSevenAndTen_AreAccepted()
    {
        // Values whose decimal text is also the nearest double (HPC2N writes field 6 like 552.21).
        var trace = Read(
            "1 0 0 100 4 552.21 1024.5 4 200 2048.25 1 1 1 -1 1 1 -1 -1\n" +
            "2 0 0 100 4 129.02 0.5 4 200 .5 1 1 1 -1 1 1 -1 -1\n" +
            "3 0 0 100 4 7. -1.0 4 200 0.0 1 1 1 -1 1 1 -1 -1\n");

        Assert.Equal([552.21, 129.02, 7.0], trace.Records.Select(r => r.AverageCpuTime));
        Assert.Equal([1024.5, 0.5, -1.0], trace.Records.Select(r => r.UsedMemory));
        Assert.Equal([2048.25, 0.5, 0.0], trace.Records.Select(r => r.RequestedMemory));
    }

    /// <summary>
    /// Bug: the reader sums digit * 0.1^k, which is not correctly rounded: "0.3" reads as
    /// 0.30000000000000004 and "0.7" as 0.7000000000000001 instead of the doubles 0.3 and 0.7.
    /// </summary>
    [Theory]
    [InlineData("0.3")]
    [InlineData("0.7")]
    [InlineData("1.23456789")]
    [InlineData("3.14159")]
    public void Read_DecimalField_ParsesToTheNearestDouble(string text)
    {
        var trace = Read($"1 0 0 100 4 {text} {text} 4 200 {text} 1 1 1 -1 1 1 -1 -1\n");

        var expected = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var record = Assert.Single(trace.Records);
        Assert.Equal(expected, record.AverageCpuTime);
        Assert.Equal(expected, record.UsedMemory);
        Assert.Equal(expected, record.RequestedMemory);
    }

    [Fact]
    public void Read_TwentyOneFieldAleaRecord_KeepsExtraFieldsVerbatim()
    {
        var trace = Read(
            "0 1356996147 0 56011 64 1 1024 64 86400 68719476736 1 62 1 1 -1 1 1 1 {1241,1241,1241} q_1d 1:ppn=64:x86_64:cl_zewura#excl\n" +
            "16 1357047665 0 86439 1 1 1024 1 86400 161061273600 1 803 1 1 -1 1 1 1   {1244}\tq_1d  1:ppn=1:brno   \r\n");

        Assert.Equal(
            ["{1241,1241,1241} q_1d 1:ppn=64:x86_64:cl_zewura#excl", "{1244}\tq_1d  1:ppn=1:brno"],
            trace.Records.Select(r => r.ExtraFields));
        Assert.Equal(68719476736.0, trace.Records[0].RequestedMemory);
        Assert.Equal(1, trace.Records[1].ThinkTime);
    }

    [Fact]
    public void Read_BlankLinesCrlfAndTabs_AreTolerated()
    {
        var trace = Read(
            "; MaxProcs: 16\r\n" +
            "\r\n" +
            $"   {Record1}\r\n" +
            "   \t \r\n" +
            "\n" +
            $"{Record2.Replace(' ', '\t')}  \r\n" +
            $"{Record3}");

        Assert.Equal(16, trace.Header.MaxProcessors);
        Assert.Equal([1L, 2L, 3L], trace.Records.Select(r => r.JobNumber));
        Assert.Equal([3L, 6L, 7L], trace.Records.Select(r => r.Line));
        Assert.All(trace.Records, r => Assert.Null(r.ExtraFields));
        Assert.Equal(60, trace.Records[1].RequestedTime);
        Assert.Equal(-1, trace.Records[2].ThinkTime);
    }

    [Fact]
    public void Read_CommentsBetweenRecords_GoToTheHeaderAndRecordsStillParse()
    {
        var trace = Read(
            "; MaxProcs: 16\n" +
            $"{Record1}\n" +
            "; a remark between records\n" +
            "; Note: late note\n" +
            $"{Record2}\n" +
            "   ; an indented remark\n" +
            $"{Record3}\n");

        Assert.Equal([1L, 2L, 3L], trace.Records.Select(r => r.JobNumber));
        Assert.Equal([2L, 5L, 7L], trace.Records.Select(r => r.Line));
        Assert.Equal(["a remark between records", "an indented remark"], trace.Header.Comments);
        Assert.Equal(["late note"], trace.Header.Notes);
    }

    [Fact]
    public void Read_GzipFile_IsDecompressedTransparently()
    {
        var text = $"; MaxProcs: 16\n; UnixStartTime: 1000\n{Record1}\n{Record2}\n{Record3}\n";
        var path = WriteGzip("trace.swf.gz", text);

        var trace = SwfReader.Read(path);

        Assert.Equal(path, trace.Path);
        Assert.Equal(16, trace.Header.MaxProcessors);
        Assert.Equal(1000L, trace.Header.UnixStartTime);
        Assert.Equal([1L, 2L, 3L], trace.Records.Select(r => r.JobNumber));
        Assert.Equal(Read(text).Records, trace.Records);
    }

    [Fact]
    public void Read_GzipFileWithoutGzExtension_IsRecognisedByMagicBytes()
    {
        var text = $"; MaxProcs: 16\n{Record1}\n{Record2}\n";
        var path = WriteGzip("looks-plain.swf", text);

        var trace = SwfReader.Read(path);

        Assert.Equal([1L, 2L], trace.Records.Select(r => r.JobNumber));
    }

    [Fact]
    public void Read_PlainFileWithGzExtension_IsReadAsText()
    {
        var path = Path.Combine(temp.FullName, "not-really.swf.gz");
        File.WriteAllText(path, $"; MaxProcs: 16\n{Record1}\n");

        var trace = SwfReader.Read(path);

        Assert.Equal(1, Assert.Single(trace.Records).JobNumber);
    }

    [Fact]
    public void Read_LargeGzipFile_ReadsEveryRecordAcrossBufferBoundaries()
    {
        var builder = new StringBuilder("; MaxProcs: 64\n");
        for (var i = 1; i <= 20_000; i++)
        {
            builder.Append(i).Append(' ').Append(i * 7).Append(" 0 ").Append(i % 977).Append(" 8 -1 -1 8 3600 -1 1 ").Append(i % 13).Append(" 1 -1 1 1 -1 -1\n");
        }

        var path = WriteGzip("large.swf.gz", builder.ToString());

        var trace = SwfReader.Read(path);

        Assert.Equal(20_000, trace.Records.Count);
        Assert.Equal(Enumerable.Range(1, 20_000).Select(i => (long)i), trace.Records.Select(r => r.JobNumber));
        Assert.Equal(19_999L * 7, trace.Records[^2].SubmitTime);
        Assert.Equal(20_001L, trace.Records[^1].Line);
    }

    [Theory]
    [InlineData("; MaxProcs: 100\n; MaxNodes: 50\n", 100)]
    [InlineData("; MaxNodes: 256\n", 256)]
    [InlineData("; MaxProcs: -1\n; MaxNodes: 128\n", 128)]
    [InlineData("; MaxProcs: 338\n; MaxNodes: -1\n", 338)]
    [InlineData("; MaxProcs: 0\n; MaxNodes: 64\n", 64)]
    [InlineData("; MaxProcs: many\n; MaxNodes: 32\n", 32)]
    public void MachineProcessors_MaxProcsMissingOrUnknown_FallsBackToMaxNodes(string header, int expected)
    {
        var trace = Read(header + Record1 + "\n");

        Assert.Equal(expected, trace.Header.MachineProcessors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("; MaxProcs: -1\n; MaxNodes: -1\n")]
    [InlineData("; MaxProcs: 0\n")]
    [InlineData("; MaxProcs: 99999999999\n")]
    public void MachineProcessors_NoUsableSize_IsNull(string header)
    {
        var trace = Read(header + Record1 + "\n");

        Assert.Null(trace.Header.MachineProcessors);
    }

    [Fact]
    public void Read_StreamWithDisplayName_ReportsErrorsUnderThatName()
    {
        var exception = Assert.Throws<TraceFormatException>(() => Read($"{Record1}\n2 x\n", displayName: "named.swf"));

        Assert.Equal("named.swf:2: field 2 (submit time): not a number: 'x'", exception.Message);
        Assert.Equal("named.swf", exception.File);
    }

    private static SwfTrace Read(string text, SwfReadOptions? options = null, string displayName = "test.swf")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return SwfReader.Read(stream, displayName, options);
    }

    private string WriteGzip(string name, string text)
    {
        var path = Path.Combine(temp.FullName, name);
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return path;
    }
}
