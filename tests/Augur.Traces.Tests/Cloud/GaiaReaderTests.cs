using System.IO.Compression;
using Augur.Traces.Cloud;
using Augur.Traces.Gpu;
using Augur.Traces.Tests.Gpu;

namespace Augur.Traces.Tests.Cloud;

public sealed class GaiaReaderTests
{
    private const string Header = "arrival_time,length,cpus";

    [Fact]
    public void Read_ValidRows_ConvertsHoursToNearestMicrosecond()
    {
        using var input = GpuCsv.Of(Header, "0.0,0.5,4", "0.5769444444444503,19.083333333333332,1", "", "2,0.0000000002,30");

        var trace = GaiaReader.Read(input, "gaia-x.csv");

        Assert.Equal(3, trace.Records.Count);

        // 0.5 h = 1,800 s.
        Assert.Equal(new GaiaJob(0, 1_800_000_000, 4, 2), trace.Records[0]);

        // 0.5769444444444503 h x 3.6e9 = 2,077,000,000.00002 us; 19.083333333333332 h = 19 h 5 min = 68,700 s.
        Assert.Equal(new GaiaJob(2_077_000_000, 68_700_000_000, 1, 3), trace.Records[1]);

        // The blank line 4 is skipped; 2e-10 h = 0.72 us rounds up to 1 us.
        Assert.Equal(new GaiaJob(7_200_000_000, 1, 30, 5), trace.Records[2]);
    }

    [Fact]
    public void Read_ArrivalsOutOfOrder_KeepsFileOrder()
    {
        using var input = GpuCsv.Of(Header, "2,1,1", "1,1,1");

        var trace = GaiaReader.Read(input, "g.csv");

        Assert.Equal([7_200_000_000L, 3_600_000_000L], trace.Records.Select(job => job.ArrivalMicroseconds));
    }

    [Theory]
    [InlineData("-1,1,1", 1, "arrival_time", "negative value -1")]
    [InlineData(",1,1", 1, "arrival_time", "missing value")]
    [InlineData("NaN,1,1", 1, "arrival_time", "not a number: 'NaN'")]
    [InlineData("Infinity,1,1", 1, "arrival_time", "not a number: 'Infinity'")]
    [InlineData("1e5,1,1", 1, "arrival_time", "not a number: '1e5'")]
    [InlineData("1.2.3,1,1", 1, "arrival_time", "not a number: '1.2.3'")]
    [InlineData(" 1,1,1", 1, "arrival_time", "not a number: ' 1'")]
    [InlineData("1,-0.5,1", 2, "length", "negative value -0.5")]
    [InlineData("1,x,1", 2, "length", "not a number: 'x'")]
    [InlineData("1,300000000,1", 2, "length", "number too large: '300000000' (times are limited to 1000000000000 s)")]
    [InlineData("1,1,0", 3, "cpus", "value too small: 0 (at least 1)")]
    [InlineData("1,1,2.5", 3, "cpus", "not a whole number: '2.5'")]
    [InlineData("1,1,-4", 3, "cpus", "negative value -4")]
    [InlineData("1,1,99999999999", 3, "cpus", "number too large: '99999999999' (at most 2147483647)")]
    public void Read_BadField_StopsWithFileLineFieldAndReason(string row, int field, string name, string reason)
    {
        using var input = GpuCsv.Of(Header, "0,1,1", row);

        var error = Assert.Throws<TraceFormatException>(() => GaiaReader.Read(input, "gaia.csv"));

        Assert.Equal($"gaia.csv:3: field {field} ({name}): {reason}", error.Message);
    }

    [Theory]
    [InlineData("1,1", "wrong field count: expected 3, found 2")]
    [InlineData("1,1,1,1", "wrong field count: expected 3, found 4")]
    public void Read_WrongFieldCount_StopsWithLine(string row, string reason)
    {
        using var input = GpuCsv.Of(Header, row);

        var error = Assert.Throws<TraceFormatException>(() => GaiaReader.Read(input, "g.csv"));

        Assert.Equal($"g.csv:2: {reason}", error.Message);
    }

    [Theory]
    [InlineData("arrival_time,length")]
    [InlineData("length,arrival_time,cpus")]
    public void Read_MissingOrMovedColumn_StopsAtTheHeader(string header)
    {
        using var input = GpuCsv.Of(header, "1,1,1");

        var error = Assert.Throws<TraceFormatException>(() => GaiaReader.Read(input, "g.csv"));

        Assert.Equal($"g.csv:1: header: expected '{Header}', found '{header}'", error.Message);
    }

    [Fact]
    public void Read_EmptyFile_SaysSo()
    {
        using var input = new MemoryStream();

        var error = Assert.Throws<TraceFormatException>(() => GaiaReader.Read(input, "g.csv"));

        Assert.Contains("empty file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BinaryGarbage_IsAFormatErrorNotACrash()
    {
        using var input = new MemoryStream([0x00, 0xFF, 0x13, 0x37, 0x0A, 0x01, 0x02, 0x0A]);

        Assert.Throws<TraceFormatException>(() => GaiaReader.Read(input, "g.csv"));
    }

    [Fact]
    public void Read_TruncatedGzip_IsAFormatErrorNotACrash()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gaia-truncated-{Guid.NewGuid():N}.csv.gz");
        try
        {
            using (var whole = new MemoryStream())
            {
                using (var gzip = new GZipStream(whole, CompressionLevel.Optimal, leaveOpen: true))
                using (var writer = new StreamWriter(gzip))
                {
                    writer.WriteLine(Header);
                    for (var i = 0; i < 2000; i++)
                    {
                        writer.WriteLine($"{i},1.5,{(i % 7) + 1}");
                    }
                }

                File.WriteAllBytes(path, whole.ToArray()[..(int)(whole.Length / 2)]);
            }

            Assert.Throws<TraceFormatException>(() => GaiaReader.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_Lenient_SkipsAndCountsByReason()
    {
        using var input = GpuCsv.Of(Header, "0,1,1", "1,1,0", "-1,1,1", "2,1,0", "3,1");

        var trace = GaiaReader.Read(input, "g.csv", new GpuReadOptions { Lenient = true });

        Assert.Single(trace.Records);
        Assert.Equal(4, trace.Skipped.Total);
        Assert.Equal(2, trace.Skipped.Counts["field 3 (cpus): value too small"]);
        Assert.Equal(1, trace.Skipped.Counts["field 1 (arrival_time): negative value"]);
        Assert.Equal(1, trace.Skipped.Counts["wrong field count"]);
    }

    [Theory]
    [InlineData("gaia-azure-100k.csv.gz", true)]
    [InlineData("/x/GAIA-pai.csv", true)]
    [InlineData("gaia-pai.swf", false)]
    [InlineData("azure-gaia.csv", false)]
    public void IsGaiaName_FileNames_MatchOnlyGaiaCsv(string name, bool expected) =>
        Assert.Equal(expected, GaiaReader.IsGaiaName(name));
}
