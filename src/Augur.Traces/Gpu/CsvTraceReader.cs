using System.Text;
using Augur.Traces.Input;
using Augur.Traces.Swf;

namespace Augur.Traces.Gpu;

/// <summary>
/// The rules every GPU CSV reader shares: the exact header on the first line, comma-separated fields without
/// quoting, blank lines ignored, and strict (stop at the first bad record with <c>file:line: field N (name):
/// reason</c>) or lenient (skip and count by reason) handling of bad records. The traces are small (tens of
/// thousands of rows), so lines are decoded to strings; the event loop never sees this code.
/// </summary>
internal static class CsvTraceReader
{
    /// <summary>Parses one record's fields (already split) or says which field is wrong.</summary>
    public delegate FieldFailure RecordParser<TRecord>(string[] fields, long line, out TRecord record);

    public static GpuTrace<TRecord> Read<TRecord>(string path, CsvColumns columns, RecordParser<TRecord> parse, GpuReadOptions? options)
    {
        using var stream = TraceInput.Open(path);
        return Read(stream, path, columns, parse, options);
    }

    public static GpuTrace<TRecord> Read<TRecord>(Stream stream, string displayName, CsvColumns columns, RecordParser<TRecord> parse, GpuReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= GpuReadOptions.Strict;
        var lines = new LineSource(stream, displayName);
        var records = new List<TRecord>(1024);
        var skipped = new SkippedRecords();
        var sawHeader = false;
        while (lines.TryReadLine(out var bytes, out var lineNumber))
        {
            var text = Encoding.UTF8.GetString(bytes).TrimEnd('\r');
            if (!sawHeader)
            {
                // The header is checked, not guessed: a file whose columns moved must not be read by position. A
                // byte-order mark (spreadsheets write one) is not part of it; string.Trim keeps U+FEFF.
                if (!string.Equals(text.TrimStart('\uFEFF').Trim(), columns.Header, StringComparison.Ordinal))
                {
                    throw new TraceFormatException(displayName, lineNumber, 0, null, $"header: expected '{columns.Header}', found '{CsvFields.ShowLine(text)}'");
                }

                sawHeader = true;
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var failure = Check(text, columns, out var fields);
            TRecord record = default!;
            if (!failure.Failed)
            {
                failure = parse(fields, lineNumber, out record);
            }

            if (!failure.Failed)
            {
                records.Add(record);
            }
            else if (options.Lenient)
            {
                var countedAs = failure.Field > 0 ? $"field {failure.Field} ({columns.NameOf(failure.Field)}): {failure.Category}" : failure.Category;
                skipped.Add(countedAs, $"{displayName}:{lineNumber}");
            }
            else
            {
                throw new TraceFormatException(displayName, lineNumber, failure.Field, failure.Field > 0 ? columns.NameOf(failure.Field) : null, failure.Reason);
            }
        }

        if (!sawHeader)
        {
            throw new TraceFormatException(displayName, 0, 0, null, $"empty file: expected the header '{columns.Header}'");
        }

        if (records.Count == 0)
        {
            var reason = skipped.Total > 0 ? $"no records (all {skipped.Total} records were bad)" : "no records after the header";
            throw new TraceFormatException(displayName, 0, 0, null, reason);
        }

        return new GpuTrace<TRecord>(displayName, records, skipped);
    }

    private static FieldFailure Check(string text, CsvColumns columns, out string[] fields)
    {
        fields = text.Split(',');
        if (text.Contains('"', StringComparison.Ordinal))
        {
            return new FieldFailure(0, "quoted field", "quoted fields are not part of this format");
        }

        if (fields.Length != columns.Count)
        {
            return new FieldFailure(0, "wrong field count", $"wrong field count: expected {columns.Count}, found {fields.Length}");
        }

        return FieldFailure.None;
    }
}
