using System.IO.Compression;
using System.Text;
using Augur.Traces.Input;

namespace Augur.Traces.Tests.Input;

public sealed class CsvTraceRecogniserTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("augur-recognise-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("timestamp,duration,num_gpus,gpu_time,cluster", CsvTraceKind.PhillyPollux)]
    [InlineData("name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time", CsvTraceKind.OpenbPods)]
    [InlineData("sn,cpu_milli,memory_mib,gpu,model", CsvTraceKind.OpenbNodes)]
    [InlineData("arrival_time,length,cpus", CsvTraceKind.Gaia)]
    [InlineData("\uFEFFtimestamp,duration,num_gpus,gpu_time,cluster\r", CsvTraceKind.PhillyPollux)]
    [InlineData("  sn,cpu_milli,memory_mib,gpu,model ", CsvTraceKind.OpenbNodes)]
    [InlineData("timestamp,duration,num_gpus,cluster,gpu_time", CsvTraceKind.Unknown)]
    [InlineData("Timestamp,Duration,Num_gpus,Gpu_time,Cluster", CsvTraceKind.Unknown)]
    [InlineData("; Version: 2.2", CsvTraceKind.Unknown)]
    [InlineData("", CsvTraceKind.Unknown)]
    [InlineData(null, CsvTraceKind.Unknown)]
    public void KindOf_HeaderLine_NamesOnlyTheExactLayouts(string? header, CsvTraceKind expected)
    {
        Assert.Equal(expected, CsvTraceRecogniser.KindOf(header));
    }

    [Fact]
    public void Recognise_PlainFileWithCrLf_ReadsTheFirstLineOnly()
    {
        var path = Write("jobs.csv", "arrival_time,length,cpus\r\n0.0,0.5,4\r\n");

        Assert.Equal(CsvTraceKind.Gaia, CsvTraceRecogniser.Recognise(path));
    }

    [Fact]
    public void Recognise_GzipFileUnderAnyName_IsReadThroughTheCompression()
    {
        var path = Path.Combine(folder, "workload.data");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("timestamp,duration,num_gpus,gpu_time,cluster\n2017-10-09 00:00:00,100.0,4,400.0,a\n"));
        }

        Assert.Equal(CsvTraceKind.PhillyPollux, CsvTraceRecogniser.Recognise(path));
    }

    [Fact]
    public void Recognise_MissingEmptyBinaryOrTruncatedFiles_AreUnknownWithoutThrowing()
    {
        var empty = Write("empty.csv", string.Empty);
        var binary = Path.Combine(folder, "binary.csv");
        File.WriteAllBytes(binary, [0, 1, 2, 255, 254, 10, 0]);
        var truncated = Path.Combine(folder, "truncated.csv.gz");
        File.WriteAllBytes(truncated, [0x1f, 0x8b, 8, 0, 0, 0]);
        var longLine = Write("long.csv", new string('x', 10_000) + "\n");

        Assert.Equal(CsvTraceKind.Unknown, CsvTraceRecogniser.Recognise(Path.Combine(folder, "missing.csv")));
        Assert.Equal(CsvTraceKind.Unknown, CsvTraceRecogniser.Recognise(empty));
        Assert.Equal(CsvTraceKind.Unknown, CsvTraceRecogniser.Recognise(binary));
        Assert.Equal(CsvTraceKind.Unknown, CsvTraceRecogniser.Recognise(truncated));
        Assert.Equal(CsvTraceKind.Unknown, CsvTraceRecogniser.Recognise(longLine));
    }

    [Fact]
    public void Recognise_SwfName_IsUnknownWhateverTheFirstLine()
    {
        var path = Write("jobs.swf", "arrival_time,length,cpus\n0.0,0.5,4\n");

        Assert.Equal(CsvTraceKind.Unknown, CsvTraceRecogniser.Recognise(path));
    }

    [Fact]
    public void Recognise_HeaderWithoutLineEnd_IsStillRecognised()
    {
        var path = Write("nodes", "sn,cpu_milli,memory_mib,gpu,model");

        Assert.Equal(CsvTraceKind.OpenbNodes, CsvTraceRecogniser.Recognise(path));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
