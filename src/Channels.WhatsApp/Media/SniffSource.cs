namespace Switchboard.Channels.WhatsApp.Media;

/// <summary>
/// The bytes a format check may look at: a prefix read once, plus reads at other offsets when the
/// stream can seek (a ZIP's central directory, an OLE directory sector). Never the whole file.
/// </summary>
internal sealed class SniffSource
{
    public const int PrefixSize = 64 * 1024;

    private readonly Stream? _seekable;
    private readonly long _origin;

    private SniffSource(ReadOnlyMemory<byte> prefix, Stream? seekable, long origin, long? length)
    {
        Prefix = prefix;
        _seekable = seekable;
        _origin = origin;
        Length = length;
    }

    public ReadOnlyMemory<byte> Prefix { get; }

    /// <summary>Total length from the start position, when known without reading everything.</summary>
    public long? Length { get; }

    public static SniffSource FromBytes(ReadOnlyMemory<byte> bytes) => new(bytes, null, 0, bytes.Length);

    /// <summary>Reads the prefix; a seekable stream is put back where it was after every read.</summary>
    public static async Task<SniffSource> FromStreamAsync(Stream stream, CancellationToken cancellationToken)
    {
        var origin = stream.CanSeek ? stream.Position : 0;
        var buffer = new byte[PrefixSize];
        var read = await ReadFullyAsync(stream, buffer, cancellationToken);
        if (stream.CanSeek)
        {
            stream.Position = origin;
        }

        return new SniffSource(buffer.AsMemory(0, read), stream.CanSeek ? stream : null, origin, stream.CanSeek ? stream.Length - origin : null);
    }

    /// <summary>Bytes at <paramref name="offset"/>; shorter (or empty) when beyond the file or not reachable.</summary>
    public async Task<ReadOnlyMemory<byte>> ReadAtAsync(long offset, int count, CancellationToken cancellationToken)
    {
        if (offset < 0 || count <= 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (offset + count <= Prefix.Length)
        {
            return Prefix.Slice((int)offset, count);
        }

        if (_seekable is null)
        {
            return offset < Prefix.Length ? Prefix[(int)offset..] : ReadOnlyMemory<byte>.Empty;
        }

        var buffer = new byte[count];
        var position = _seekable.Position;
        try
        {
            _seekable.Position = _origin + offset;
            var read = await ReadFullyAsync(_seekable, buffer, cancellationToken);
            return buffer.AsMemory(0, read);
        }
        finally
        {
            _seekable.Position = position;
        }
    }

    private static async Task<int> ReadFullyAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer[total..], cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }
}
