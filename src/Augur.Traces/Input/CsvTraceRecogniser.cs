using System.Text;
using Augur.Traces.Cloud;
using Augur.Traces.Gpu;

namespace Augur.Traces.Input;

/// <summary>
/// Recognises a CSV trace by its header line, for files whose name does not say what they hold (a site's own
/// <c>jobs.csv</c>, Alibaba's <c>openb_pod_list_gpuspec33.csv</c>). Only the exact headers the readers demand
/// are recognised, so a file recognised here is one its reader will at least start on.
/// </summary>
public static class CsvTraceRecogniser
{
    // Longer than any header the readers take; a first line past it is not one of them.
    private const int MaxHeaderLength = 512;

    /// <summary>
    /// What the first line of <paramref name="path"/> says; <see cref="CsvTraceKind.Unknown"/> when the file cannot be
    /// read, is empty, binary or another layout, or is not a regular file (a pipe read here could not be read again).
    /// A file named <c>.swf</c> or <c>.swf.gz</c> is not read: its name says SWF, and the SWF reader names its bad lines.
    /// </summary>
    public static CsvTraceKind Recognise(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".swf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".swf.gz", StringComparison.OrdinalIgnoreCase))
        {
            return CsvTraceKind.Unknown;
        }

        try
        {
            if (!File.Exists(path))
            {
                return CsvTraceKind.Unknown;
            }

            using (var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
            {
                if (!probe.CanSeek)
                {
                    return CsvTraceKind.Unknown;
                }
            }

            using var stream = TraceInput.Open(path);
            return KindOf(FirstLine(stream));
        }
        catch (Exception exception) when (exception is TraceFormatException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The reader chosen later opens the file again and reports the problem with its file and line.
            return CsvTraceKind.Unknown;
        }
    }

    /// <summary>The kind a header line names; a byte-order mark and blanks around the line are ignored, as the readers ignore them.</summary>
    public static CsvTraceKind KindOf(string? header)
    {
        if (header is null)
        {
            return CsvTraceKind.Unknown;
        }

        header = header.TrimStart('\uFEFF').Trim();
        return header switch
        {
            _ when header == PhillyReader.Columns.Header => CsvTraceKind.PhillyPollux,
            _ when header == OpenbReader.PodColumns.Header => CsvTraceKind.OpenbPods,
            _ when header == OpenbReader.NodeColumns.Header => CsvTraceKind.OpenbNodes,
            _ when header == GaiaReader.Columns.Header => CsvTraceKind.Gaia,
            _ => CsvTraceKind.Unknown,
        };
    }

    private static string? FirstLine(Stream stream)
    {
        var bytes = new byte[MaxHeaderLength];
        var length = 0;
        while (length < bytes.Length)
        {
            var value = stream.ReadByte();
            if (value is -1 or '\n')
            {
                return length == 0 && value == -1 ? null : Encoding.UTF8.GetString(bytes, 0, length);
            }

            bytes[length++] = (byte)value;
        }

        return null;
    }
}
