using Microsoft.Extensions.Logging;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Delivery.Pacing;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using Switchboard.Storage.Channels;

namespace Switchboard.Delivery;

/// <summary>
/// Hands one queued message to the provider and says what the conversation should record: sent
/// (with the provider's id), failed (with Meta's code and a reason an agent understands), or to
/// be tried again (at the provider's back-off, or because the outcome is unknown). The
/// conversation grain calls it for the head of its send queue only, after recording the attempt,
/// and off its own turn, so a long upload never blocks the conversation's other commands.
/// Numbers are paced at their throughput by the shared limiter. Our message id travels as
/// <c>biz_opaque_callback_data</c>, so status webhooks name the message even when the answer was lost.
/// </summary>
public sealed partial class OutboundSender(
    ChannelStore channels,
    WhatsAppClient client,
    ProviderMediaUploader uploader,
    ConversationMessageLookup messages,
    IRateLimiter limiter,
    TimeProvider time,
    ILogger<OutboundSender> logger)
{
    /// <returns>The command that records the outcome.</returns>
    public async Task<ConversationCommand> SendAsync(ConversationKey key, PendingSend send, CancellationToken cancellationToken)
    {
        var channel = await channels.FindAsync(key.TenantId, key.ChannelId, cancellationToken);
        if (channel is null || !channel.IsHealthy || channel.ChannelType != ChannelType.WhatsApp)
        {
            return Failed(send, "The sending number is not available (removed, unhealthy or not WhatsApp).");
        }

        if (await messages.FindAsync(key, send.MessageId, cancellationToken) is not { } message)
        {
            return Failed(send, "The message to send is no longer in the conversation.");
        }

        var prepared = await PrepareAsync(channel, key, send, message, cancellationToken);
        if (prepared.Outcome is { } early)
        {
            return early;
        }

        if (await PaceAsync(channel, send, cancellationToken) is { } wait)
        {
            return wait;
        }

        var result = await client.SendAsync(
            channel.ToWhatsAppNumber(),
            new OutboundMessage(key.CustomerAddress, prepared.Content!, prepared.ReplyTo, CallbackData: send.MessageId),
            cancellationToken);
        switch (result)
        {
            case WhatsAppResult<SentMessage>.Success sent:
                return new RecordSent(send.MessageId, sent.Value.MessageId);
            case WhatsAppResult<SentMessage>.Failure { Error: var error } when error.Retry.DelayBefore(send.Attempts + 1) is { } delay:
                LogRetrying(logger, send.MessageId, error.ToString(), delay);
                return new RecordSendRetry(send.MessageId, time.GetUtcNow() + delay, error.ToString());
            case WhatsAppResult<SentMessage>.Failure { Error: var error }:
                return new RecordSendFailed(send.MessageId, error.ToProviderError());
            case WhatsAppResult<SentMessage>.OutcomeUnknown { Unknown: var unknown }:
                // A duplicate chat line beats a lost one: the conversation tries again, a bounded number of times.
                return new RecordSendRetry(send.MessageId, time.GetUtcNow() + TimeSpan.FromSeconds(2 * send.Attempts), unknown.Detail, OutcomeUnknown: unknown.MayHaveReachedProvider);
            default:
                throw new InvalidOperationException($"Unexpected send result {result}.");
        }
    }

    /// <summary>Puts provider ids where the message has ours: uploaded media, the reacted-to and quoted messages.</summary>
    private async Task<PreparedMessage> PrepareAsync(ChannelRecord channel, ConversationKey key, PendingSend send, StoredMessage message, CancellationToken cancellationToken)
    {
        var content = message.Content;
        switch (content)
        {
            case MediaContent { Media: { ProviderMediaId: null, Link: null, MediaId: { } mediaId } } media:
                var uploaded = await uploader.EnsureUploadedAsync(channel, mediaId, cancellationToken);
                if (uploaded is not WhatsAppResult<UploadedMedia>.Success success)
                {
                    return new PreparedMessage(null, null, NotUploaded(send, uploaded));
                }

                content = media with { Media = media.Media with { ProviderMediaId = success.Value.Id } };
                break;
            case TemplateContent { Parameters.Header.Media: { ProviderMediaId: null, Link: null, MediaId: { } headerMediaId } } template:
                var headerUpload = await uploader.EnsureUploadedAsync(channel, headerMediaId, cancellationToken);
                if (headerUpload is not WhatsAppResult<UploadedMedia>.Success headerSuccess)
                {
                    return new PreparedMessage(null, null, NotUploaded(send, headerUpload));
                }

                content = template with
                {
                    Parameters = template.Parameters with
                    {
                        Header = template.Parameters.Header with { Media = template.Parameters.Header.Media with { ProviderMediaId = headerSuccess.Value.Id } },
                    },
                };
                break;
            case ReactionContent reaction:
                var target = await messages.ProviderIdAsync(key, reaction.TargetMessageId, cancellationToken);
                if (target is null)
                {
                    return new PreparedMessage(null, null, Failed(send, "The message reacted to never reached the customer."));
                }

                content = reaction with { TargetMessageId = target };
                break;
        }

        var replyTo = message.ReplyTo is { } quoted ? await messages.ProviderIdAsync(key, quoted, cancellationToken) : null;
        return new PreparedMessage(content, replyTo, null);
    }

    /// <summary>Waits briefly for a send token; a longer wait is a retry at the limiter's time instead of a held request.</summary>
    private async Task<ConversationCommand?> PaceAsync(ChannelRecord channel, PendingSend send, CancellationToken cancellationToken)
    {
        var limit = new RateLimit(channel.ThroughputPerSecond, channel.ThroughputPerSecond);
        for (var tries = 0; tries < 20; tries++)
        {
            var decision = await limiter.TryTakeAsync($"number:{channel.PhoneNumberId}", limit, 1, cancellationToken);
            if (decision.Allowed)
            {
                return null;
            }

            if (decision.Unavailable)
            {
                // Live chat keeps working without Redis (the brief's rule; campaigns, not chat, fail
                // closed): an agent's replies are few, and the provider's own 130429 still guards the number.
                LogPacingUnavailable(logger, channel.PhoneNumberId);
                return null;
            }

            if (decision.RetryAfter > TimeSpan.FromSeconds(1))
            {
                return new RecordSendRetry(send.MessageId, time.GetUtcNow() + decision.RetryAfter, "number throughput reached");
            }

            await Task.Delay(decision.RetryAfter, time, cancellationToken);
        }

        return new RecordSendRetry(send.MessageId, time.GetUtcNow() + TimeSpan.FromSeconds(1), "number throughput reached");
    }

    private ConversationCommand NotUploaded<T>(PendingSend send, WhatsAppResult<T> result) => result switch
    {
        WhatsAppResult<T>.Failure { Error: { CanRetry: true } error } when error.Retry.DelayBefore(send.Attempts + 1) is { } delay =>
            new RecordSendRetry(send.MessageId, time.GetUtcNow() + delay, error.ToString()),
        WhatsAppResult<T>.Failure { Error: var error } => new RecordSendFailed(send.MessageId, error.ToProviderError()),
        // The upload's outcome is unknown, not the message's: nothing reached the customer yet.
        WhatsAppResult<T>.OutcomeUnknown unknown => new RecordSendRetry(send.MessageId, time.GetUtcNow() + TimeSpan.FromSeconds(2), unknown.Unknown.Detail),
        _ => throw new InvalidOperationException($"Unexpected upload result {result}."),
    };

    private static RecordSendFailed Failed(PendingSend send, string reason) => new(send.MessageId, Reason: reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Send of {MessageId} will be retried in {Delay}: {Error}")]
    private static partial void LogRetrying(ILogger logger, string messageId, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pacing for number {PhoneNumberId} is unavailable (Redis); sending a chat message unpaced")]
    private static partial void LogPacingUnavailable(ILogger logger, string phoneNumberId);

    private sealed record PreparedMessage(MessageContent? Content, string? ReplyTo, ConversationCommand? Outcome);
}
