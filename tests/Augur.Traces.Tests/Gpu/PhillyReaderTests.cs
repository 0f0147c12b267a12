using Augur.Core.Time;
using Augur.Traces.Gpu;

namespace Augur.Traces.Tests.Gpu;

public sealed class PhillyReaderTests
{
    private const string Header = "timestamp,duration,num_gpus,gpu_time,cluster";
    private const string Good = "2017-10-09 07:01:55,66.0,1,66.0,11cb48";

    [Fact]
    public void Read_GoodRecords_KeepsFieldsAndUnits()
    {
        using var input = GpuCsv.Of(Header, Good, "2017-10-09 06:13:03,2951.5,4,11806.0,6214e9", string.Empty);

        var trace = PhillyReader.Read(input, "t.csv");

        Assert.Equal(2, trace.Records.Count);
        var first = trace.Records[0];

        // 2017-10-09 is day 17448 after 1970-01-01: 17448 x 86400 + 7 x 3600 + 1 x 60 + 55 = 1507532515.
        Assert.Equal(1507532515, first.SubmitUnixSeconds);
        Assert.Equal(Duration.FromSeconds(66), first.Duration);
        Assert.Equal(1, first.Gpus);
        Assert.Equal("11cb48", first.Cluster);
        Assert.Equal(2, first.Line);

        // 2951.5 s = 2,951,500,000 us; x 4 GPUs = 11806 s.
        Assert.Equal(new Duration(2_951_500_000), trace.Records[1].Duration);
        Assert.Equal(4, trace.Records[1].Gpus);
        Assert.Equal(3, trace.Records[1].Line);
    }

    [Fact]
    public void Read_HeaderAfterAByteOrderMark_ReadsTheRecords()
    {
        // Spreadsheets save CSV with a UTF-8 byte-order mark; simulate recognises such a header, so the reader must take it.
        using var input = GpuCsv.Of("\uFEFF" + Header, Good);

        var trace = PhillyReader.Read(input, "t.csv");

        Assert.Equal(Duration.FromSeconds(66), Assert.Single(trace.Records).Duration);
    }

    [Theory]
    [InlineData("2017-10-09 7:01:55,66.0,1,66.0,11cb48", 1, "timestamp", "not a timestamp (yyyy-MM-dd HH:mm:ss): '2017-10-09 7:01:55'")]
    [InlineData(",66.0,1,66.0,11cb48", 1, "timestamp", "missing value")]
    [InlineData("2017-10-09 07:01:55,abc,1,66.0,11cb48", 2, "duration", "not a number: 'abc'")]
    [InlineData("2017-10-09 07:01:55,-66.0,1,66.0,11cb48", 2, "duration", "negative value -66.0")]
    [InlineData("2017-10-09 07:01:55,1e5,1,66.0,11cb48", 2, "duration", "not a number: '1e5'")]
    [InlineData("2017-10-09 07:01:55,0.0000001,1,0,11cb48", 2, "duration", "finer than a microsecond: '0.0000001'")]
    [InlineData("2017-10-09 07:01:55,99999999999999,1,66.0,11cb48", 2, "duration", "number too large: '99999999999999' (times are limited to 1000000000000 s)")]
    [InlineData("2017-10-09 07:01:55,66.0,0,0.0,11cb48", 3, "num_gpus", "no GPUs: a Philly job holds at least one")]
    [InlineData("2017-10-09 07:01:55,66.0,1.5,66.0,11cb48", 3, "num_gpus", "not a whole number: '1.5'")]
    [InlineData("2017-10-09 07:01:55,66.0,x,66.0,11cb48", 3, "num_gpus", "not a number: 'x'")]
    [InlineData("2017-10-09 07:01:55,66.0,-2,66.0,11cb48", 3, "num_gpus", "negative value -2")]
    [InlineData("2017-10-09 07:01:55,66.0,2,66.0,11cb48", 4, "gpu_time", "not duration x num_gpus: '66.0' (expected 132 s)")]
    [InlineData("2017-10-09 07:01:55,66.0,1,,11cb48", 4, "gpu_time", "missing value")]
    [InlineData("2017-10-09 07:01:55,66.0,1,66.0,", 5, "cluster", "missing value")]
    [InlineData("2017-10-09 07:01:55,66.0,1,66.0, 11cb48", 5, "cluster", "blank around value: ' 11cb48'")]
    public void Read_BadField_StrictStopsWithFileLineFieldAndReason(string bad, int field, string name, string reason)
    {
        using var input = GpuCsv.Of(Header, Good, bad, Good);

        var error = Assert.Throws<TraceFormatException>(() => PhillyReader.Read(input, "philly.csv"));

        Assert.Equal(3, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Equal(name, error.FieldName);
        Assert.Equal(reason, error.Reason);
        Assert.Equal($"philly.csv:3: field {field} ({name}): {reason}", error.Message);
    }

    [Theory]
    [InlineData("2017-10-09 07:01:55,66.0,1,66.0", "wrong field count: expected 5, found 4")]
    [InlineData("2017-10-09 07:01:55,66.0,1,66.0,a,b", "wrong field count: expected 5, found 6")]
    [InlineData("\"2017-10-09 07:01:55\",66.0,1,66.0,a", "quoted fields are not part of this format")]
    public void Read_BadRecordShape_StrictNamesTheRecord(string bad, string reason)
    {
        using var input = GpuCsv.Of(Header, bad);

        var error = Assert.Throws<TraceFormatException>(() => PhillyReader.Read(input, "p.csv"));

        Assert.Equal($"p.csv:2: {reason}", error.Message);
    }

    [Fact]
    public void Read_WrongHeader_StopsAtLineOne()
    {
        using var input = GpuCsv.Of("timestamp,num_gpus,duration,gpu_time,cluster", Good);

        var error = Assert.Throws<TraceFormatException>(() => PhillyReader.Read(input, "p.csv"));

        Assert.Equal("p.csv:1: header: expected 'timestamp,duration,num_gpus,gpu_time,cluster', found 'timestamp,num_gpus,duration,gpu_time,cluster'", error.Message);
    }

    [Fact]
    public void Read_EmptyFile_SaysSo()
    {
        using var input = new MemoryStream();

        var error = Assert.Throws<TraceFormatException>(() => PhillyReader.Read(input, "p.csv"));

        Assert.Equal("p.csv: empty file: expected the header 'timestamp,duration,num_gpus,gpu_time,cluster'", error.Message);
    }

    [Fact]
    public void Read_Lenient_SkipsBadRecordsAndCountsThemByReason()
    {
        using var input = GpuCsv.Of(
            Header,
            Good,
            "2017-10-09 07:01:55,abc,1,66.0,11cb48",
            "2017-10-09 07:01:55,xyz,1,66.0,11cb48",
            "2017-10-09 07:01:55,66.0,2,66.0,11cb48",
            "2017-10-09 07:01:55,66.0,1,66.0",
            Good);

        var trace = PhillyReader.Read(input, "p.csv", new GpuReadOptions { Lenient = true });

        // 6 records: lines 2 and 7 good; lines 3 and 4 bad durations, 5 a wrong gpu_time, 6 a short record.
        Assert.Equal([2L, 7L], trace.Records.Select(r => r.Line));
        Assert.Equal(4, trace.Skipped.Total);
        Assert.Equal(2, trace.Skipped.Counts["field 2 (duration): not a number"]);
        Assert.Equal(1, trace.Skipped.Counts["field 4 (gpu_time): not duration x num_gpus"]);
        Assert.Equal(1, trace.Skipped.Counts["wrong field count"]);
        Assert.Equal("p.csv:3", trace.Skipped.FirstExample["field 2 (duration): not a number"]);
    }

    [Fact]
    public void Read_LenientAndEveryRecordBad_Fails()
    {
        using var input = GpuCsv.Of(Header, "x,66.0,1,66.0,a");

        var error = Assert.Throws<TraceFormatException>(() => PhillyReader.Read(input, "p.csv", new GpuReadOptions { Lenient = true }));

        Assert.Equal("p.csv: no records (all 1 records were bad)", error.Message);
    }

    [Fact]
    public void Read_TruncatedGzip_ReportsCorruptData()
    {
        var path = Path.Combine(Path.GetTempPath(), $"augur-philly-{Guid.NewGuid():N}.csv.gz");
        try
        {
            using (var file = File.Create(path))
            using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal))
            {
                var text = Header + "\n" + string.Concat(Enumerable.Repeat(Good + "\n", 5000));
                gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
            }

            // Cut the compressed file in half: the stream ends in the middle of a deflate block.
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

            var error = Assert.Throws<TraceFormatException>(() => PhillyReader.Read(path));

            Assert.Contains("corrupt or truncated", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
