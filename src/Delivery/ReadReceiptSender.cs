using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Grains.Conversations;
using Switchboard.Storage.Channels;

namespace Switchboard.Delivery;

/// <summary>
/// Tells the customer an agent read their messages (blue ticks on their phone) by marking the
/// latest one read, which marks the earlier ones too. Best effort: a refusal is not worth another
/// try; a failure the provider says may pass is tried again a few times.
/// </summary>
public sealed class ReadReceiptSender(ChannelStore channels, WhatsAppClient client, TimeProvider time)
{
    /// <returns>The command that records the outcome.</returns>
    public async Task<ConversationCommand> SendAsync(ConversationKey key, PendingReadReceipt receipt, CancellationToken cancellationToken)
    {
        if (await channels.FindAsync(key.TenantId, key.ChannelId, cancellationToken) is not { ChannelType: ChannelType.WhatsApp } channel)
        {
            return new RecordReadReceiptDone(receipt.ProviderMessageId);
        }

        var result = await client.MarkReadAsync(channel.ToWhatsAppNumber(), receipt.ProviderMessageId, cancellationToken: cancellationToken);
        return result switch
        {
            WhatsAppResult<Acknowledged>.Failure { Error: { CanRetry: true } error } =>
                new RecordReadReceiptRetry(receipt.ProviderMessageId, time.GetUtcNow() + Max(error.Retry.MinimumDelay, TimeSpan.FromSeconds(1))),
            WhatsAppResult<Acknowledged>.OutcomeUnknown => new RecordReadReceiptRetry(receipt.ProviderMessageId, time.GetUtcNow() + TimeSpan.FromSeconds(2)),
            _ => new RecordReadReceiptDone(receipt.ProviderMessageId),
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
