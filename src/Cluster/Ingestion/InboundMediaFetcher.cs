using Microsoft.Extensions.Logging;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Cluster.Channels;
using Switchboard.Cluster.Media;
using Switchboard.Grains.Messages;

namespace Switchboard.Cluster.Ingestion;

/// <summary>
/// Copies a customer's media from the provider into our media store before the message is
/// recorded, so agents are served it by us (provider URLs expire in minutes, ids in days).
/// </summary>
public sealed partial class InboundMediaFetcher(WhatsAppClient client, MediaStore store, ILogger<InboundMediaFetcher> logger)
{
    /// <returns>The content pointing at our copy; unchanged if the provider no longer has the file.</returns>
    /// <exception cref="InboundMediaUnavailableException">The provider could not answer now; try the webhook again later.</exception>
    public async Task<MessageContent> FetchAsync(ChannelRecord channel, MessageContent content, CancellationToken cancellationToken)
    {
        if (content is not MediaContent media || media.Media.ProviderMediaId is not { } providerMediaId || media.Media.MediaId is not null)
        {
            return content;
        }

        using var buffer = new MemoryStream();
        var result = await client.DownloadMediaByIdAsync(channel.ToWhatsAppNumber(), providerMediaId, buffer, cancellationToken);
        switch (result)
        {
            case WhatsAppResult<DownloadedMedia>.Success downloaded:
                var mimeType = media.Media.MimeType ?? downloaded.Value.ContentType ?? "application/octet-stream";
                buffer.Position = 0;
                var stored = await store.SaveAsync(channel.TenantId, buffer, buffer.Length, mimeType, media.Media.Filename ?? (media as DocumentContent)?.Filename, cancellationToken);
                return media with { Media = media.Media with { MediaId = stored.Id, MimeType = mimeType, Size = stored.Size } };
            case WhatsAppResult<DownloadedMedia>.Failure { Error.CanRetry: false } failure:
                LogGone(logger, providerMediaId, failure.Error.ToString());
                return content;
            default:
                throw new InboundMediaUnavailableException($"Media {providerMediaId} could not be fetched now: {result}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound media {ProviderMediaId} is gone at the provider ({Error}); the message is kept without it")]
    private static partial void LogGone(ILogger logger, string providerMediaId, string error);
}

public sealed class InboundMediaUnavailableException(string message) : Exception(message);
