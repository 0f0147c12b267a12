using System.Text;
using Augur.Traces.Input;

namespace Augur.Traces.Swf;

/// <summary>
/// Streams a Standard Workload Format file (plain or gzip) into records. Strict by default: the first bad
/// record stops the read with <c>file:line: field N (name): reason</c>. Lenient reading skips bad records
/// and counts them by reason. Parsing works on bytes, one pass, no per-field allocation.
/// </summary>
public static partial class SwfReader
{
    /// <summary>Lines longer than this are not SWF (binary input, a missing newline).</summary>
    public const int MaxLineBytes = 1 << 20;

    public static SwfTrace Read(string path, SwfReadOptions? options = null)
    {
        using var stream = TraceInput.Open(path);
        return Read(stream, path, options);
    }

    /// <param name="stream">The (already decompressed) bytes.</param>
    /// <param name="displayName">The name errors report.</param>
    /// <param name="options">Strict or lenient.</param>
    public static SwfTrace Read(Stream stream, string displayName, SwfReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= SwfReadOptions.Strict;
        var header = new SwfHeader();
        var records = new List<SwfRecord>(1024);
        var skipped = new SkippedRecords();
        var lines = new LineSource(stream, displayName);
        while (lines.TryReadLine(out var line, out var lineNumber))
        {
            var content = TrimStart(line);
            if (content.IsEmpty)
            {
                continue;
            }

            if (content[0] == (byte)';')
            {
                ReadHeaderLine(content[1..], header);
                continue;
            }

            if (TryParseRecord(content, lineNumber, out var record, out var failure))
            {
                records.Add(record);
            }
            else if (options.Lenient)
            {
                skipped.Add(failure.CountedAs, $"{displayName}:{lineNumber}");
            }
            else
            {
                throw new TraceFormatException(displayName, lineNumber, failure.Field, failure.Field > 0 ? SwfField.NameOf(failure.Field) : null, failure.Reason);
            }
        }

        if (records.Count == 0)
        {
            var reason = lines.LinesRead == 0 ? "empty file: no header and no job records" : "no job records";
            if (skipped.Total > 0)
            {
                reason += $" (all {skipped.Total} records were bad)";
            }

            throw new TraceFormatException(displayName, 0, 0, null, reason);
        }

        return new SwfTrace(displayName, header, records, skipped);
    }

    private static void ReadHeaderLine(ReadOnlySpan<byte> afterSemicolon, SwfHeader header)
    {
        var text = Encoding.UTF8.GetString(afterSemicolon).Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && IsDirectiveName(text.AsSpan(0, colon)))
        {
            header.AddDirective(text[..colon], text[(colon + 1)..].Trim());
        }
        else
        {
            header.AddComment(text);
        }
    }

    private static bool IsDirectiveName(ReadOnlySpan<char> name)
    {
        if (!char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> line)
    {
        var i = 0;
        while (i < line.Length && IsBlank(line[i]))
        {
            i++;
        }

        return line[i..];
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v';
}
