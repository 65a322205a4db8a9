using System.Data;
using System.Security.Cryptography;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Switchboard.Grains.Identity;

namespace Switchboard.Storage.Media;

/// <summary>
/// Files in PostgreSQL, tenant-scoped. Reads stream from the row (sequential access), so a
/// 100 MB document is never held in memory whole on the way out.
/// </summary>
public sealed class MediaStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Stores a file, hashing it and streaming it to PostgreSQL, so a 100 MB document is never
    /// held in memory whole.
    /// </summary>
    /// <param name="content">A seekable stream positioned at the start of the file (read once to hash, once to store).</param>
    public async Task<StoredMedia> SaveAsync(string tenantId, Stream content, long length, string mimeType, string? filename, CancellationToken cancellationToken)
    {
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content must be seekable: it is read once to hash it and once to store it.", nameof(content));
        }

        var start = content.Position;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = start;

        var media = new StoredMedia(Ids.New("md"), mimeType, length, sha256, filename);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(
            "insert into media (tenant_id, id, mime_type, size, sha256, filename, content) values ($1, $2, $3, $4, $5, $6, $7)", connection);
        insert.Parameters.Add(new() { Value = tenantId });
        insert.Parameters.Add(new() { Value = media.Id });
        insert.Parameters.Add(new() { Value = media.MimeType });
        insert.Parameters.Add(new() { Value = media.Size });
        insert.Parameters.Add(new() { Value = media.Sha256 });
        insert.Parameters.Add(new() { Value = (object?)media.Filename ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter { Value = content, NpgsqlDbType = NpgsqlDbType.Bytea, Size = checked((int)length) });
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return media;
    }

    public async Task<StoredMedia?> FindAsync(string tenantId, string mediaId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredMedia>(new CommandDefinition(
            "select id as Id, mime_type as MimeType, size as Size, sha256 as Sha256, filename as Filename from media where tenant_id = @tenantId and id = @mediaId",
            new { tenantId, mediaId }, cancellationToken: cancellationToken));
    }

    /// <summary>Opens the file for reading, or null when the tenant has no such file.</summary>
    public async Task<MediaBlob?> OpenAsync(string tenantId, string mediaId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var select = new NpgsqlCommand(
                "select id, mime_type, size, sha256, filename, content from media where tenant_id = $1 and id = $2", connection);
            select.Parameters.Add(new() { Value = tenantId });
            select.Parameters.Add(new() { Value = mediaId });
            var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                await connection.DisposeAsync();
                return null;
            }

            var info = new StoredMedia(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
            return new MediaBlob(info, await reader.GetStreamAsync(5, cancellationToken), reader, connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
