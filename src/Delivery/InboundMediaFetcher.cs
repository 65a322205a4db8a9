using Microsoft.Extensions.Logging;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using Switchboard.Storage.Channels;
using Switchboard.Storage.Media;

namespace Switchboard.Delivery;

/// <summary>
/// Copies a customer's media from the provider into our media store, so agents are served it by
/// us (provider URLs expire in minutes, ids in days). The conversation shows the message once the
/// copy is made, or without it when the provider no longer has the file.
/// </summary>
public sealed partial class InboundMediaFetcher(ChannelStore channels, WhatsAppClient client, MediaStore store, TimeProvider time, ILogger<InboundMediaFetcher> logger)
{
    /// <returns>The command that records the outcome.</returns>
    public async Task<ConversationCommand> CopyAsync(ConversationKey key, PendingInbound pending, CancellationToken cancellationToken)
    {
        var messageId = pending.Message.Id;
        if (pending.Message.Content is not MediaContent { Media.ProviderMediaId: { } providerMediaId } media)
        {
            return new RecordMediaFetchFailed(messageId, "The message carries no provider media.");
        }

        if (await channels.FindAsync(key.TenantId, key.ChannelId, cancellationToken) is not { } channel)
        {
            return new RecordMediaFetchFailed(messageId, "The number the media came to is gone.");
        }

        using var buffer = new MemoryStream();
        var result = await client.DownloadMediaByIdAsync(channel.ToWhatsAppNumber(), providerMediaId, buffer, cancellationToken);
        switch (result)
        {
            case WhatsAppResult<DownloadedMedia>.Success downloaded:
                var mimeType = media.Media.MimeType ?? downloaded.Value.ContentType ?? "application/octet-stream";
                buffer.Position = 0;
                var stored = await store.SaveAsync(key.TenantId, buffer, buffer.Length, mimeType, media.Media.Filename ?? (media as DocumentContent)?.Filename, cancellationToken);
                return new RecordMediaFetched(messageId, media.Media with { MediaId = stored.Id, MimeType = mimeType, Size = stored.Size });
            case WhatsAppResult<DownloadedMedia>.Failure { Error.CanRetry: false } failure:
                LogGone(logger, providerMediaId, failure.Error.ToString());
                return new RecordMediaFetchFailed(messageId, failure.Error.ToString());
            default:
                // Not now (a timeout, a rate limit): again shortly, a few times at most.
                var delay = TimeSpan.FromSeconds(Math.Min(30, 2 << Math.Min(pending.Failures, 4)));
                return new RecordMediaFetchFailed(messageId, result.ToString() ?? "unavailable", time.GetUtcNow() + delay);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound media {ProviderMediaId} is gone at the provider ({Error}); the message is kept without it")]
    private static partial void LogGone(ILogger logger, string providerMediaId, string error);
}
