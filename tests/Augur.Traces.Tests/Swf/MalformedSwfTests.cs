using System.IO.Compression;
using System.Text;

using Augur.Testing;
using Augur.Traces.Swf;

namespace Augur.Traces.Tests.Swf;

/// <summary>
/// Malformed SWF inputs: strict reading stops at the first bad record with <c>file:line: field N (name): reason</c>;
/// lenient reading skips exactly the bad records, counts them by reason and keeps the good ones. Text cases
/// live in <see cref="MalformedCorpus"/>; binary and large ones are generated here, from fixed seeds.
/// </summary>
public sealed class MalformedSwfTests : IDisposable
{
    private const string GoodRecord = "1 0 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1";

    /// <summary>What each corpus file must give: the strict error and the lenient outcome.</summary>
    private static readonly Dictionary<string, MalformedCase> Cases = new(StringComparer.Ordinal)
    {
        ["too-few-fields.swf"] = new(
            Line: 5, Field: 0, FieldName: null, Reason: "wrong field count: expected 18, found 17",
            Kept: [1, 3, 6],
            Skipped: [("wrong field count", 3, 5)]),
        ["not-a-number-abc.swf"] = new(
            Line: 4, Field: 2, FieldName: "submit time", Reason: "not a number: 'abc'",
            Kept: [1, 3],
            Skipped: [("field 2 (submit time): not a number", 1, 4)]),
        ["not-a-number-exponent.swf"] = new(
            Line: 5, Field: 4, FieldName: "run time", Reason: "not a number: '1e5'",
            Kept: [1, 2, 4],
            Skipped: [("field 4 (run time): not a number", 1, 5)]),
        ["not-a-number-suffix.swf"] = new(
            Line: 3, Field: 5, FieldName: "allocated processors", Reason: "not a number: '12x'",
            Kept: [2],
            Skipped: [("field 5 (allocated processors): not a number", 1, 3)]),
        ["negative-value.swf"] = new(
            Line: 4, Field: 9, FieldName: "requested time", Reason: "negative value -5 (only -1, meaning unknown, may be negative)",
            Kept: [1, -1, 5],
            Skipped: [("field 9 (requested time): negative value", 2, 4)]),
        ["number-too-large.swf"] = new(
            Line: 4, Field: 2, FieldName: "submit time", Reason: "number too large: '99999999999999999999' (times are limited to 1000000000000 s)",
            Kept: [1, 2305843009213693951],
            Skipped: [("field 1 (job number): number too large", 1, 5), ("field 2 (submit time): number too large", 1, 4)]),
        ["fraction-in-integer-field.swf"] = new(
            Line: 4, Field: 3, FieldName: "wait time", Reason: "not a whole number: '1.5'",
            Kept: [1, 3],
            Skipped: [("field 3 (wait time): not a whole number", 1, 4)]),
    };

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("augur-malformed-");

    public void Dispose() => temp.Delete(recursive: true);

    [Fact]
    public void Corpus_EveryFile_HasAnExpectationOrATest()
    {
        var files = Directory.GetFiles(CorpusDirectory, "*.swf").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var covered = Cases.Keys.Concat(["empty.swf", "missing-header.swf", "only-comments.swf"]).Order(StringComparer.Ordinal);

        Assert.Equal(covered, files);
    }

    [Theory]
    [InlineData("too-few-fields.swf")]
    [InlineData("not-a-number-abc.swf")]
    [InlineData("not-a-number-exponent.swf")]
    [InlineData("not-a-number-suffix.swf")]
    [InlineData("negative-value.swf")]
    [InlineData("number-too-large.swf")]
    [InlineData("fraction-in-integer-field.swf")]
    public void Read_MalformedRecordStrict_ThrowsWithFileLineFieldAndReason(string file)
    {
        var path = CorpusFile(file);
        var expected = Cases[file];

        var exception = Assert.Throws<TraceFormatException>(() => SwfReader.Read(path));

        var where = expected.Field > 0 ? $"field {expected.Field} ({expected.FieldName}): " : string.Empty;
        Assert.Equal($"{path}:{expected.Line}: {where}{expected.Reason}", exception.Message);
        Assert.Equal(path, exception.File);
        Assert.Equal(expected.Line, exception.Line);
        Assert.Equal(expected.Field, exception.Field);
        Assert.Equal(expected.FieldName, exception.FieldName);
        Assert.Equal(expected.Reason, exception.Reason);
    }

    [Theory]
    [InlineData("too-few-fields.swf")]
    [InlineData("not-a-number-abc.swf")]
    [InlineData("not-a-number-exponent.swf")]
    [InlineData("not-a-number-suffix.swf")]
    [InlineData("negative-value.swf")]
    [InlineData("number-too-large.swf")]
    [InlineData("fraction-in-integer-field.swf")]
    public void Read_MalformedRecordLenient_SkipsExactlyTheBadRecordsAndCountsThemByReason(string file)
    {
        var path = CorpusFile(file);
        var expected = Cases[file];

        var trace = SwfReader.Read(path, new SwfReadOptions { Lenient = true });

        Assert.Equal(expected.Kept, trace.Records.Select(r => r.JobNumber));
        Assert.Equal(expected.Skipped.Sum(s => s.Count), trace.Skipped.Total);
        Assert.Equal(
            expected.Skipped.Select(s => new KeyValuePair<string, int>(s.Reason, s.Count)).OrderBy(s => s.Key, StringComparer.Ordinal),
            trace.Skipped.Counts.OrderBy(s => s.Key, StringComparer.Ordinal));
        foreach (var (reason, _, firstLine) in expected.Skipped)
        {
            Assert.Equal($"{path}:{firstLine}", trace.Skipped.FirstExample[reason]);
        }

        Assert.Equal(16, trace.Header.MaxProcessors);
    }

    [Fact]
    public void Read_FractionInIntegerFieldFile_KeepsTheDecimalsOfTheGoodRecord()
    {
        var trace = SwfReader.Read(CorpusFile("fraction-in-integer-field.swf"), new SwfReadOptions { Lenient = true });

        var first = trace.Records[0];
        Assert.Equal(12.5, first.AverageCpuTime);
        Assert.Equal(1024.25, first.UsedMemory);
        Assert.Equal(2048.75, first.RequestedMemory);
    }

    [Fact]
    public void Read_MissingHeader_SucceedsWithoutAMachineSize()
    {
        var trace = SwfReader.Read(CorpusFile("missing-header.swf"));

        Assert.Equal([1L, 2L], trace.Records.Select(r => r.JobNumber));
        Assert.Null(trace.Header.MaxProcessors);
        Assert.Null(trace.Header.MaxNodes);
        Assert.Null(trace.Header.MachineProcessors);
        Assert.Equal("a machine whose size the header does not give", trace.Header.Value("Computer"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_EmptyFile_ThrowsEmptyFile(bool lenient)
    {
        var path = CorpusFile("empty.swf");
        Assert.Equal(0, new FileInfo(path).Length);

        var exception = Assert.Throws<TraceFormatException>(() => SwfReader.Read(path, new SwfReadOptions { Lenient = lenient }));

        Assert.Equal($"{path}: empty file: no header and no job records", exception.Message);
        Assert.Equal(0, exception.Line);
        Assert.Equal(0, exception.Field);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_OnlyComments_ThrowsNoJobRecords(bool lenient)
    {
        var path = CorpusFile("only-comments.swf");

        var exception = Assert.Throws<TraceFormatException>(() => SwfReader.Read(path, new SwfReadOptions { Lenient = lenient }));

        Assert.Equal($"{path}: no job records", exception.Message);
        Assert.Equal(0, exception.Line);
    }

    [Fact]
    public void Read_BinaryGarbageBetweenRecordsStrict_ThrowsAtTheFirstGarbageLine()
    {
        var path = WriteBinaryBetweenRecords(seed: 20240601);

        var exception = Assert.Throws<TraceFormatException>(() => SwfReader.Read(path));

        Assert.StartsWith($"{path}:3: field 1 (job number): not a number: '?", exception.Message, StringComparison.Ordinal);
        Assert.Equal(3, exception.Line);
        Assert.Equal(1, exception.Field);
    }

    [Theory]
    [InlineData(20240601)]
    [InlineData(7)]
    [InlineData(12345)]
    public void Read_BinaryGarbageBetweenRecordsLenient_SkipsEveryGarbageLineAndKeepsTheRecords(int seed)
    {
        var path = WriteBinaryBetweenRecords(seed);
        var garbageLines = CountRecordLines(File.ReadAllBytes(path)) - 2;

        var trace = SwfReader.Read(path, new SwfReadOptions { Lenient = true });

        Assert.Equal([1L, 2L], trace.Records.Select(r => r.JobNumber));
        Assert.True(garbageLines > 5, $"the generator made only {garbageLines} garbage lines");
        Assert.Equal(garbageLines, trace.Skipped.Total);
        Assert.Equal(garbageLines, trace.Skipped.Counts.Values.Sum());
        Assert.All(trace.Skipped.Counts.Keys, reason => Assert.Matches("^(field [0-9]+ \\([a-z ]+\\): )?(not a number|not a whole number|negative value|number too large|wrong field count)$", reason));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_BinaryFileWithoutAnyRecord_ThrowsNoJobRecords(bool lenient)
    {
        var bytes = RandomBytes(seed: 99, length: 8192);
        bytes[0] = (byte)'X'; // not the gzip magic
        var path = Path.Combine(temp.FullName, "binary.swf");
        File.WriteAllBytes(path, bytes);
        var recordLines = CountRecordLines(bytes);

        var exception = Assert.Throws<TraceFormatException>(() => SwfReader.Read(path, new SwfReadOptions { Lenient = lenient }));

        if (lenient)
        {
            Assert.Equal($"{path}: no job records (all {recordLines} records were bad)", exception.Message);
        }
        else
        {
            Assert.StartsWith($"{path}:1: field 1 (job number): not a number: 'X", exception.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_LineLongerThanOneMebibyteWithoutNewline_ThrowsNotATextTrace(bool lenient)
    {
        var path = Path.Combine(temp.FullName, "long-line.swf");
        using (var file = File.Create(path))
        {
            file.Write(Encoding.ASCII.GetBytes($"; MaxProcs: 16\n{GoodRecord}\n"));
            file.Write(Enumerable.Repeat((byte)'7', SwfReader.MaxLineBytes + 1).ToArray());
        }

        var exception = Assert.Throws<TraceFormatException>(() => SwfReader.Read(path, new SwfReadOptions { Lenient = lenient }));

        Assert.Equal($"{path}:3: line longer than 1048576 bytes: not a text trace", exception.Message);
        Assert.Equal(3, exception.Line);
        Assert.Equal(0, exception.Field);
    }

    /// <summary>
    /// Bug (off by one): <see cref="SwfReader.MaxLineBytes"/> says lines longer than 1 MiB are not SWF, but a
    /// line of exactly 1,048,576 bytes (plus its newline) is rejected as "longer than 1048576 bytes".
    /// </summary>
    [Fact]
    public void Read_LineOfExactlyMaxLineBytes_IsNotRejected()
    {
        var path = Path.Combine(temp.FullName, "max-line.swf");
        using (var file = File.Create(path))
        {
            file.Write(Encoding.ASCII.GetBytes("; MaxProcs: 16\n;"));
            file.Write(Enumerable.Repeat((byte)' ', SwfReader.MaxLineBytes - 1).ToArray());
            file.Write(Encoding.ASCII.GetBytes($"\n{GoodRecord}\n"));
        }

        var trace = SwfReader.Read(path);

        Assert.Equal(1, Assert.Single(trace.Records).JobNumber);
    }

    /// <summary>
    /// A gzip file cut short must fail as corrupt or truncated compressed data, in strict and lenient mode
    /// alike, and never be read as a shorter trace. Bug: .NET's GZipStream ends quietly at a truncation, and
    /// the reader only checks for bytes left over after the stream, so a cut in the 8-byte trailer is read
    /// in full without complaint and a cut in the data reads as a shorter trace (a partial last line).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Read_TruncatedGzip_ThrowsCorruptOrTruncatedCompressedData(int cut)
    {
        var compressed = Gzip(ValidTrace(2000));
        var path = Path.Combine(temp.FullName, $"cut{cut}.swf.gz");
        File.WriteAllBytes(path, compressed[..^cut]);

        foreach (var lenient in new[] { false, true })
        {
            AssertCorruptCompressedData(path, lenient);
        }
    }

    [Fact]
    public void Read_GzipWithOnlyItsHeader_ThrowsCorruptOrTruncatedCompressedData()
    {
        var path = Path.Combine(temp.FullName, "header-only.swf.gz");
        File.WriteAllBytes(path, Gzip(ValidTrace(10))[..10]);

        AssertCorruptCompressedData(path, lenient: false);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Read_GzipWithGarbageAfterTheHeaderBytes_ThrowsCorruptCompressedData(int keep)
    {
        var path = Path.Combine(temp.FullName, $"garbage-after-{keep}.swf.gz");
        File.WriteAllBytes(path, [.. Gzip(ValidTrace(100))[..keep], .. RandomBytes(seed: 42, length: 4096)]);

        foreach (var lenient in new[] { false, true })
        {
            AssertCorruptCompressedData(path, lenient);
        }
    }

    /// <summary>
    /// Bytes after the gzip member: the reader means to reject them ("the gzip stream ended at byte X of Y"),
    /// but only sees them when they reach past the 8 KiB block GZipStream last read from the file, so short
    /// trailing garbage passes unnoticed (bug) while long garbage is caught.
    /// </summary>
    [Theory]
    [InlineData(16)]
    [InlineData(65536)]
    public void Read_GzipFollowedByGarbage_ThrowsCorruptCompressedData(int garbage)
    {
        var path = Path.Combine(temp.FullName, $"trailing-garbage-{garbage}.swf.gz");
        File.WriteAllBytes(path, [.. Gzip(ValidTrace(2000)), .. RandomBytes(seed: 42, length: garbage)]);

        AssertCorruptCompressedData(path, lenient: false);
    }

    /// <summary>Seeded mutations of a valid trace, plain and gzip: whatever happens, only TraceFormatException escapes.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_RandomlyDamagedFiles_OnlyEverThrowTraceFormatException(bool compressed)
    {
        var original = compressed ? Gzip(ValidTrace(300)) : ValidTrace(300);
        var random = new Random(compressed ? 1701 : 1702);
        for (var trial = 0; trial < 150; trial++)
        {
            var bytes = (byte[])original.Clone();
            switch (trial % 3)
            {
                case 0:
                    for (var flips = random.Next(1, 6); flips > 0; flips--)
                    {
                        bytes[random.Next(compressed ? 2 : 0, bytes.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 1:
                    bytes = bytes[..random.Next(compressed ? 2 : 0, bytes.Length)];
                    break;
                default:
                    var at = random.Next(compressed ? 2 : 0, bytes.Length);
                    bytes = [.. bytes[..at], .. RandomBytes(random.Next(), random.Next(1, 64)), .. bytes[at..]];
                    break;
            }

            var path = Path.Combine(temp.FullName, $"damaged-{trial}.swf{(compressed ? ".gz" : string.Empty)}");
            File.WriteAllBytes(path, bytes);
            foreach (var lenient in new[] { false, true })
            {
                var exception = Record.Exception(() => SwfReader.Read(path, new SwfReadOptions { Lenient = lenient }));
                Assert.True(
                    exception is null or TraceFormatException,
                    $"trial {trial} (lenient: {lenient}) threw {exception?.GetType()}: {exception?.Message}");
            }
        }
    }

    private static string CorpusDirectory => MalformedCorpus.Directory;

    private static string CorpusFile(string name)
    {
        var path = Path.Combine(CorpusDirectory, name);
        Assert.True(File.Exists(path), $"corpus file missing: {path}");
        return path;
    }

    private static void AssertCorruptCompressedData(string path, bool lenient)
    {
        var records = -1;
        var exception = Record.Exception(() => records = SwfReader.Read(path, new SwfReadOptions { Lenient = lenient }).Records.Count);

        Assert.True(
            exception is TraceFormatException,
            exception is null
                ? $"{path} (lenient: {lenient}) was read as {records} records without any error"
                : $"{path} (lenient: {lenient}) threw {exception.GetType()}: {exception.Message}");
        var traceFormat = Assert.IsType<TraceFormatException>(exception);
        Assert.Matches("(corrupt|truncated).*compressed data", traceFormat.Message);
        Assert.StartsWith(path, traceFormat.Message, StringComparison.Ordinal);
    }

    private static byte[] ValidTrace(int records)
    {
        var builder = new StringBuilder("; Version: 2.2\n; MaxProcs: 64\n");
        for (var i = 1; i <= records; i++)
        {
            builder.Append(i).Append(' ').Append(i * 13).Append(" 0 ").Append((i % 97) + 1).Append(" 4 -1 -1 4 600 -1 1 ")
                .Append(i % 11).Append(" 1 -1 1 1 -1 -1\n");
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Lines the reader takes for records: not blank and not starting (after blanks) with ';'.</summary>
    private static int CountRecordLines(byte[] bytes)
    {
        var count = 0;
        var start = 0;
        while (start <= bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', start);
            var end = newline < 0 ? bytes.Length : newline;
            var i = start;
            while (i < end && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v')
            {
                i++;
            }

            if (i < end && bytes[i] != (byte)';')
            {
                count++;
            }

            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        return count;
    }

    /// <summary>A header, a good record, 4 KiB of seeded random bytes (with NULs, first byte NUL), a good record.</summary>
    private string WriteBinaryBetweenRecords(int seed)
    {
        var garbage = RandomBytes(seed, 4096);
        for (var i = 0; i < garbage.Length; i += 97)
        {
            garbage[i] = 0;
        }

        var path = Path.Combine(temp.FullName, $"binary-{seed}.swf");
        File.WriteAllBytes(path, [
            .. Encoding.ASCII.GetBytes($"; MaxProcs: 16\n{GoodRecord}\n"),
            .. garbage,
            .. Encoding.ASCII.GetBytes("\n2 10 0 100 4 -1 -1 4 200 -1 1 1 1 -1 1 1 -1 -1\n"),
        ]);
        return path;
    }

    private sealed record MalformedCase(
        long Line,
        int Field,
        string? FieldName,
        string Reason,
        long[] Kept,
        (string Reason, int Count, int FirstLine)[] Skipped);
}
