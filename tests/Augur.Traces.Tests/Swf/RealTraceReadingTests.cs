using Augur.Testing;
using Augur.Traces.Swf;

namespace Augur.Traces.Tests.Swf;

/// <summary>
/// Reads every real trace in <c>shared/traces/hpc</c> (gzip, read directly) in strict mode. Counts are
/// the job records each file really holds (checked with zcat), which differ from SOURCES.md in one place:
/// HPC2N-2002-2.2-cln.first3171 holds 3,170 job lines (its 3,171st line after the header is blank).
/// </summary>
public sealed class RealTraceReadingTests
{
    private static readonly string[] Expected =
    [
        "CTC-SP2.filtered.swf.gz",
        "HPC2N-2002-2.2-cln.first3171.swf.gz",
        "KTH-SP2-1996-2.1-cln.swf.gz",
        "KTH-SP2.filtered.swf.gz",
        "LLNL-Atlas-2006-2.1-cln.swf.gz",
        "NASA-iPSC-1993-3.1-cln.swf.gz",
        "RICC-2010-2.swf.gz",
        "SDSC-SP2.filtered.swf.gz",
        "lublin-aaroh.swf.gz",
        "lublin_256.swf.gz",
        "wagap-2013.swf.gz",
    ];

    private static string HpcTraces => Path.Combine(RepositoryPaths.SharedTraces, "hpc");

    [Fact]
    public void SharedTraces_HpcDirectory_HoldsExactlyTheTracesTestedHere()
    {
        Assert.True(Directory.Exists(HpcTraces), $"no trace directory at {HpcTraces}");

        var present = Directory.GetFiles(HpcTraces, "*.swf.gz").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(Expected.Order(StringComparer.Ordinal), present);
    }

    [Theory]
    [InlineData("KTH-SP2-1996-2.1-cln.swf.gz", 28_489, 100, 100)]
    [InlineData("KTH-SP2.filtered.swf.gz", 28_481, 100, 100)]
    [InlineData("SDSC-SP2.filtered.swf.gz", 54_006, 128, 128)]
    [InlineData("CTC-SP2.filtered.swf.gz", 77_199, 338, 338)]
    [InlineData("LLNL-Atlas-2006-2.1-cln.swf.gz", 43_778, 9_216, 9_216)]
    [InlineData("RICC-2010-2.swf.gz", 447_794, 8_192, 8_192)]
    [InlineData("HPC2N-2002-2.2-cln.first3171.swf.gz", 3_170, 240, 240)]
    [InlineData("NASA-iPSC-1993-3.1-cln.swf.gz", 18_239, 128, 128)]
    [InlineData("lublin_256.swf.gz", 10_000, null, 256)]
    [InlineData("lublin-aaroh.swf.gz", 10_000, null, 256)]
    public void Read_RealTraceStrict_ReadsEveryJobRecord(string file, int records, int? maxProcs, int? machineProcessors)
    {
        var path = Path.Combine(HpcTraces, file);

        var trace = SwfReader.Read(path);

        Assert.Equal(records, trace.Records.Count);
        Assert.Equal(0, trace.Skipped.Total);
        Assert.Equal(maxProcs, trace.Header.MaxProcessors);
        Assert.Equal(machineProcessors, trace.Header.MachineProcessors);
        Assert.All(trace.Records, r => Assert.True(r.Line > 0));
        Assert.Equal(trace.Records.Select(r => r.Line).Order(), trace.Records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("KTH-SP2-1996-2.1-cln.swf.gz")]
    [InlineData("HPC2N-2002-2.2-cln.first3171.swf.gz")]
    [InlineData("NASA-iPSC-1993-3.1-cln.swf.gz")]
    public void Read_ArchiveCleanedLog_KeepsItsUnixStartTimeAndNoExtraFields(string file)
    {
        var trace = SwfReader.Read(Path.Combine(HpcTraces, file));

        Assert.NotNull(trace.Header.UnixStartTime);
        Assert.All(trace.Records, r => Assert.Null(r.ExtraFields));
    }

    [Fact]
    public void Read_Hpc2nFieldSix_KeepsItsDecimals()
    {
        var trace = SwfReader.Read(Path.Combine(HpcTraces, "HPC2N-2002-2.2-cln.first3171.swf.gz"));

        var last = trace.Records[^1];
        Assert.Equal(7183, last.JobNumber);
        Assert.Equal(129.02, last.AverageCpuTime);
        Assert.Equal(18432.0, last.UsedMemory);
    }

    /// <summary>
    /// wagap-2013 is Alea's 21-field SWF. It also has two records with a negative run time (lines 4186 and
    /// 4200, field 4 = -1359980917 and -1359981026) on which strict reading stops (see the strict theory
    /// above); read leniently, every other record keeps its three extra fields verbatim.
    /// </summary>
    [Fact]
    public void Read_WagapStrict_StopsAtTheFirstNegativeRunTime()
    {
        var path = Path.Combine(HpcTraces, "wagap-2013.swf.gz");

        var exception = Assert.Throws<TraceFormatException>(() => SwfReader.Read(path));

        Assert.Equal($"{path}:4186: field 4 (run time): negative value -1359980917 (only -1, meaning unknown, may be negative)", exception.Message);
    }

    [Fact]
    public void Read_WagapLenient_KeepsTheThreeExtraFieldsOfEveryRecord()
    {
        var path = Path.Combine(HpcTraces, "wagap-2013.swf.gz");

        var trace = SwfReader.Read(path, new SwfReadOptions { Lenient = true });

        Assert.Equal(17_900, trace.Records.Count + trace.Skipped.Total);
        Assert.True(trace.Records.Count >= 17_898, $"only {trace.Records.Count} records kept");
        Assert.All(trace.Records, r => Assert.Equal(3, r.ExtraFields!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        var first = trace.Records[0];
        Assert.Equal(0, first.JobNumber);
        Assert.Equal(68719476736.0, first.RequestedMemory);
        Assert.StartsWith("{1241,1241,", first.ExtraFields, StringComparison.Ordinal);
        Assert.EndsWith("} q_1d 1:ppn=64:x86_64:cl_zewura#excl", first.ExtraFields, StringComparison.Ordinal);
    }
}
