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

        try
        {
            // A pipe (simulate <(zcat trace.gz)) cannot seek back after the format check: read it whole.
            Stream input = file;
            if (!file.CanSeek)
            {
                var copy = new MemoryStream();
                using (file)
                {
                    file.CopyTo(copy);
                }

                copy.Position = 0;
                input = copy;
            }

            var first = input.ReadByte();
            var second = input.ReadByte();
            input.Position = 0;
            if (first == 0x1f && second == 0x8b)
            {
                return new BufferedStream(new GzipIntegrityStream(input), BufferSize);
            }

            return input;
        }
        catch (InvalidDataException exception)
        {
            file.Dispose();
            throw new TraceFormatException(path, 0, 0, null, $"corrupt compressed data: {exception.Message}", exception);
        }
        catch (IOException exception)
        {
            file.Dispose();
            throw new TraceFormatException(path, 0, 0, null, $"cannot read: {exception.Message}", exception);
        }
    }
}
