namespace Augur.Traces.Input;

/// <summary>Opens trace files for streaming, decompressing gzip transparently (by content, not by name).</summary>
public static class TraceInput
{
    private const int BufferSize = 1 << 16;

    /// <summary>Opens <paramref name="path"/>; a gzip stream is recognised by its magic bytes.</summary>
    public static Stream Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new TraceFormatException(path, 0, 0, null, $"cannot open: {exception.Message}", exception);
        }

        var first = file.ReadByte();
        var second = file.ReadByte();
        file.Position = 0;
        if (first == 0x1f && second == 0x8b)
        {
            try
            {
                return new BufferedStream(new GzipIntegrityStream(file), BufferSize);
            }
            catch (InvalidDataException exception)
            {
                throw new TraceFormatException(path, 0, 0, null, $"corrupt compressed data: {exception.Message}", exception);
            }
        }

        return file;
    }
}
