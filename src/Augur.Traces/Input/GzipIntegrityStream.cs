using System.Buffers.Binary;

namespace Augur.Traces.Input;

/// <summary>
/// Decompresses a gzip file and checks, at its end, that the data decompressed matches the length the
/// gzip trailer records (ISIZE, RFC 1952). .NET's GZipStream ends quietly when a file is cut short, so
/// without this check a truncated trace would read as a shorter one. Trailing garbage fails the same check.
/// A file of several concatenated gzip members is checked against its last member only and is reported
/// as corrupt: Augur's traces are single-member files.
/// </summary>
internal sealed class GzipIntegrityStream : Stream
{
    private const int MinimumGzipLength = 18;

    private readonly Stream decompressed;
    private readonly uint expectedLength;
    private ulong length;
    private bool checkedEnd;

    public GzipIntegrityStream(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var fileLength = file.Length;
        if (fileLength < MinimumGzipLength)
        {
            file.Dispose();
            throw new InvalidDataException($"{fileLength} bytes is too short for a gzip file (at least {MinimumGzipLength})");
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Position = file.Length - 4;
        file.ReadExactly(trailer);
        file.Position = 0;
        expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        decompressed = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress, leaveOpen: false);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => (long)length;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = decompressed.Read(buffer);
        length += (ulong)read;
        if (read == 0 && buffer.Length > 0 && !checkedEnd)
        {
            checkedEnd = true;
            if ((uint)length != expectedLength)
            {
                throw new InvalidDataException($"the gzip data ends after {length} bytes but its trailer records {expectedLength}: the file is truncated or has trailing garbage");
            }
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decompressed.Dispose();
        }

        base.Dispose(disposing);
    }
}
