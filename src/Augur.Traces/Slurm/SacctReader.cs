using System.Text;
using Augur.Traces.Input;
using Augur.Traces.Swf;

namespace Augur.Traces.Slurm;

/// <summary>
/// Reads the output of <c>sacct -P</c> (plain or gzip): a header line naming the columns, then one line per
/// job, heterogeneous component, array task or step, fields separated by <c>|</c>. Columns are found by
/// name. Steps are not jobs: they only lend their MaxRSS to the job they belong to. Jobs that have not
/// finished, or never started, are dropped and counted by reason. Strict by default: the first bad record
/// stops the read with <c>file:line: field N (name): reason</c>; lenient reading skips and counts it.
/// docs/formats/sacct.md is the reference.
/// </summary>
public static partial class SacctReader
{
    /// <summary>Marks a job key whose record was dropped or skipped: its steps are ignored too.</summary>
    private const int NotKept = -1;

    public static SacctTrace Read(string path, SacctReadOptions? options = null)
    {
        using var stream = TraceInput.Open(path);
        return Read(stream, path, options);
    }

    /// <param name="stream">The (already decompressed) bytes.</param>
    /// <param name="displayName">The name errors report.</param>
    /// <param name="options">Strict or lenient, and the site's time zone.</param>
    public static SacctTrace Read(Stream stream, string displayName, SacctReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= SacctReadOptions.Strict;
        var lines = new LineSource(stream, displayName);
        var state = new ReadState(options.TimeZone);
        var skipped = new SkippedRecords();
        var dropped = new SkippedRecords();
        SacctHeader? header = null;
        while (lines.TryReadLine(out var bytes, out var lineNumber))
        {
            var text = Encoding.UTF8.GetString(bytes).TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (header is null)
            {
                header = SacctHeader.Parse(text, displayName, lineNumber);
                continue;
            }

            var failure = ReadRecord(text, lineNumber, header, state, out var droppedBecause);
            if (droppedBecause is not null)
            {
                dropped.Add(droppedBecause, $"{displayName}:{lineNumber}");
            }
            else if (!failure.Failed)
            {
                continue;
            }
            else if (options.Lenient)
            {
                var countedAs = failure.Field > 0 ? $"field {failure.Field} ({header.NameAt(failure.Field - 1)}): {failure.Category}" : failure.Category;
                skipped.Add(countedAs, $"{displayName}:{lineNumber}");
            }
            else
            {
                throw new TraceFormatException(displayName, lineNumber, failure.Field, failure.Field > 0 ? header.NameAt(failure.Field - 1) : null, failure.Reason);
            }
        }

        if (header is null)
        {
            throw new TraceFormatException(displayName, 0, 0, null, $"empty file: expected a header line of column names, as '{SacctColumns.Command}' writes");
        }

        if (state.Jobs.Count == 0)
        {
            throw new TraceFormatException(displayName, 0, 0, null, $"no finished job to convert{Explain(dropped, "dropped")}{Explain(skipped, "bad")}");
        }

        return new SacctTrace(displayName, state.Jobs, skipped, dropped, state.Steps);
    }

    private static string Explain(SkippedRecords records, string what) =>
        records.Total == 0 ? string.Empty : $"; {records.Total} {what}: {string.Join(", ", records.Counts.Select(pair => $"{pair.Key}: {pair.Value}"))}";

    /// <summary>What the read has gathered so far: the jobs kept, and where each job key's record went.</summary>
    private sealed class ReadState(TimeZoneInfo zone)
    {
        public TimeZoneInfo Zone { get; } = zone;

        public List<SacctJob> Jobs { get; } = new(1024);

        /// <summary>The job part of a JobID to its index in <see cref="Jobs"/>, or <see cref="NotKept"/>.</summary>
        public Dictionary<string, int> IndexOfJob { get; } = new(StringComparer.Ordinal);

        public int Steps { get; set; }
    }
}
