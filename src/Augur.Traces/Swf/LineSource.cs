namespace Augur.Traces.Swf;

/// <summary>
/// Splits a byte stream into lines without decoding them, reusing one buffer. Turns stream failures (a
/// truncated or corrupt gzip member) into a located <see cref="TraceFormatException"/>.
/// </summary>
internal sealed class LineSource
{
    private readonly Stream stream;
    private readonly string displayName;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private bool endOfStream;

    public LineSource(Stream stream, string displayName)
    {
        this.stream = stream;
        this.displayName = displayName;
    }

    public long LinesRead { get; private set; }

    public bool TryReadLine(out ReadOnlySpan<byte> line, out long lineNumber)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline > SwfReader.MaxLineBytes)
            {
                throw new TraceFormatException(displayName, LinesRead + 1, 0, null, $"line longer than {SwfReader.MaxLineBytes} bytes: not a text trace");
            }

            if (newline >= 0)
            {
                line = buffer.AsSpan(start, newline);
                start += newline + 1;
                lineNumber = ++LinesRead;
                return true;
            }

            if (endOfStream)
            {
                if (start < end)
                {
                    if (end - start > SwfReader.MaxLineBytes)
                    {
                        throw new TraceFormatException(displayName, LinesRead + 1, 0, null, $"line longer than {SwfReader.MaxLineBytes} bytes: not a text trace");
                    }

                    line = buffer.AsSpan(start, end - start);
                    start = end;
                    lineNumber = ++LinesRead;
                    return true;
                }

                line = default;
                lineNumber = LinesRead;
                return false;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end > SwfReader.MaxLineBytes)
        {
            throw new TraceFormatException(displayName, LinesRead + 1, 0, null, $"line longer than {SwfReader.MaxLineBytes} bytes: not a text trace");
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        int read;
        try
        {
            read = stream.Read(buffer, end, buffer.Length - end);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            throw new TraceFormatException(displayName, LinesRead + 1, 0, null, $"corrupt or truncated compressed data after line {LinesRead}: {exception.Message}", exception);
        }

        if (read == 0)
        {
            endOfStream = true;
        }

        end += read;
    }
}
