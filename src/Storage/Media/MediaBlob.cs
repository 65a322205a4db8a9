using Npgsql;

namespace Switchboard.Storage.Media;

/// <summary>An open read of a stored file: stream <see cref="Content"/>, then dispose.</summary>
public sealed class MediaBlob(StoredMedia info, Stream content, NpgsqlDataReader reader, NpgsqlConnection connection) : IAsyncDisposable
{
    public StoredMedia Info { get; } = info;

    public Stream Content { get; } = content;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        await reader.DisposeAsync();
        await connection.DisposeAsync();
    }
}
