using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;
using Switchboard.Cluster.Identity;
using Switchboard.Cluster.Media;

namespace Switchboard.Api.Media;

/// <summary>
/// Stores an upload into the media table (the one <see cref="MediaStore"/> reads) straight from
/// the request's buffered file. <see cref="MediaStore.SaveAsync"/> takes the bytes in memory,
/// which for a 100 MB document per concurrent upload is more than an Api node should hold;
/// here the file is hashed and sent to PostgreSQL as a stream, so it is never in memory whole.
/// </summary>
public sealed class MediaUploadWriter(NpgsqlDataSource dataSource)
{
    /// <param name="content">A seekable stream positioned at the start of the file.</param>
    public async Task<StoredMedia> SaveAsync(string tenantId, Stream content, long length, string mimeType, string? filename, CancellationToken cancellationToken)
    {
        if (!content.CanSeek)
        {
            throw new ArgumentException("The upload must be seekable: it is read once to hash it and once to store it.", nameof(content));
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
}
