using System.Globalization;

namespace Augur.Traces.Swf;

/// <summary>Writes the Standard Workload Format: header directives, then one line of 18 fields per job (plus any extra fields kept from the input).</summary>
public static class SwfWriter
{
    public static void Write(TextWriter writer, SwfHeader header, IEnumerable<SwfRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var comment in header.Comments)
        {
            writer.Write("; ");
            writer.Write(comment);
            writer.Write('\n');
        }

        foreach (var directive in header.Directives)
        {
            writer.Write("; ");
            writer.Write(directive.Key);
            writer.Write(": ");
            writer.Write(directive.Value);
            writer.Write('\n');
        }

        foreach (var record in records)
        {
            WriteRecord(writer, record);
        }
    }

    public static void WriteRecord(TextWriter writer, in SwfRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> buffer = stackalloc char[32];
        WriteLong(writer, record.JobNumber, buffer, first: true);
        WriteLong(writer, record.SubmitTime, buffer);
        WriteLong(writer, record.WaitTime, buffer);
        WriteLong(writer, record.RunTime, buffer);
        WriteLong(writer, record.AllocatedProcessors, buffer);
        WriteReal(writer, record.AverageCpuTime);
        WriteReal(writer, record.UsedMemory);
        WriteLong(writer, record.RequestedProcessors, buffer);
        WriteLong(writer, record.RequestedTime, buffer);
        WriteReal(writer, record.RequestedMemory);
        WriteLong(writer, record.Status, buffer);
        WriteLong(writer, record.UserId, buffer);
        WriteLong(writer, record.GroupId, buffer);
        WriteLong(writer, record.ExecutableNumber, buffer);
        WriteLong(writer, record.QueueNumber, buffer);
        WriteLong(writer, record.PartitionNumber, buffer);
        WriteLong(writer, record.PrecedingJobNumber, buffer);
        WriteLong(writer, record.ThinkTime, buffer);
        if (!string.IsNullOrEmpty(record.ExtraFields))
        {
            writer.Write(' ');
            writer.Write(record.ExtraFields);
        }

        writer.Write('\n');
    }

    private static void WriteLong(TextWriter writer, long value, Span<char> buffer, bool first = false)
    {
        if (!first)
        {
            writer.Write(' ');
        }

        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }

    private static void WriteReal(TextWriter writer, double value)
    {
        writer.Write(' ');
        if (value == Math.Floor(value))
        {
            writer.Write(((long)value).ToString(CultureInfo.InvariantCulture));
            return;
        }

        // Shortest text that reads back as the same double, without an exponent (SWF readers expect plain decimals).
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal))
        {
            text = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        writer.Write(text);
    }
}
