namespace Switchboard.Api.Tests.Media;

/// <summary>
/// A file of any size made on the fly: a real format header, then a repeating pattern. Nothing
/// but the current buffer is ever in memory, so a 90 MB upload costs the test no 90 MB array,
/// and the same file can be made again to compare a download with, byte for byte.
/// </summary>
public sealed class GeneratedFile(byte[] header, long length) : Stream
{
    private long position;

    public static GeneratedFile Pdf(long length) => new("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"u8.ToArray(), length);

    public static GeneratedFile Jpeg(long length) => new([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00], length);

    public static GeneratedFile Png(long length) => new([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], length);

    /// <summary>A static (not animated) WebP: RIFF, size, WEBP, then a VP8 chunk.</summary>
    public static GeneratedFile WebP(long length) => new([(byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', (byte)'V', (byte)'P', (byte)'8', (byte)' '], length);

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = Math.Clamp(value, 0, length);
    }

    /// <summary>The byte at an offset: the header, then a pattern that varies along the file.</summary>
    public byte ByteAt(long offset) => offset < header.Length ? header[offset] : (byte)((offset * 31) ^ (offset >> 11));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = ByteAt(position + i);
        }

        position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
