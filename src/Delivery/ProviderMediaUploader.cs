using Dapper;
using Npgsql;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Storage.Channels;
using Switchboard.Storage.Media;

namespace Switchboard.Delivery;

/// <summary>
/// Gets a provider media id for one of our files on one number: uploads it once and reuses the
/// id for 29 days (Meta keeps uploads 30), so a file sent to many customers is uploaded once.
/// </summary>
public sealed class ProviderMediaUploader(NpgsqlDataSource dataSource, MediaStore media, WhatsAppClient client)
{
    /// <returns>The provider's media id, or the failure to upload it.</returns>
    public async Task<WhatsAppResult<UploadedMedia>> EnsureUploadedAsync(ChannelRecord channel, string mediaId, CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            var known = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                """
                select provider_media_id from provider_media
                where tenant_id = @TenantId and media_id = @mediaId and channel_id = @Id and uploaded_at > now() - interval '29 days'
                """, new { channel.TenantId, mediaId, channel.Id }, cancellationToken: cancellationToken));
            if (known is not null)
            {
                return new WhatsAppResult<UploadedMedia>.Success(new UploadedMedia(known));
            }
        }

        await using var blob = await media.OpenAsync(channel.TenantId, mediaId, cancellationToken)
            ?? throw new InvalidOperationException($"Media {mediaId} of tenant {channel.TenantId} does not exist.");
        var uploaded = await client.UploadMediaAsync(
            channel.ToWhatsAppNumber(), blob.Content, blob.Info.Filename ?? mediaId, blob.Info.MimeType, cancellationToken);
        if (uploaded is WhatsAppResult<UploadedMedia>.Success success)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into provider_media (tenant_id, media_id, channel_id, provider_media_id) values (@TenantId, @mediaId, @Id, @providerId)
                on conflict (tenant_id, media_id, channel_id) do update set provider_media_id = excluded.provider_media_id, uploaded_at = now()
                """, new { channel.TenantId, mediaId, channel.Id, providerId = success.Value.Id }, cancellationToken: cancellationToken));
        }

        return uploaded;
    }
}
