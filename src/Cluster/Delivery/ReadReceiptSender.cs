using System.Text.Json;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Cluster.Channels;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Json;
using Switchboard.Runtime.Work;

namespace Switchboard.Cluster.Delivery;

/// <summary>
/// When an agent reads a conversation, tells the customer (blue ticks on their phone) by marking
/// the latest inbound message read, which marks the earlier ones too. Best effort: a receipt
/// the provider refuses is not worth retrying.
/// </summary>
public sealed class ReadReceiptSender(ChannelStore channels, WhatsAppClient client) : IWorkHandler
{
    public const string HandlerName = "whatsapp-read-receipt";

    public string Name => HandlerName;

    public async Task<WorkResult> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var read = (ConversationRead)JsonSerializer.Deserialize<ConversationEvent>(item.Event.Payload, ContractJson.Options)!;
        var channelId = item.Event.GrainKey[..item.Event.GrainKey.IndexOf('/', StringComparison.Ordinal)];
        if (read.LatestInboundProviderMessageId is not { } providerMessageId
            || await channels.FindAsync(item.Event.TenantId, channelId, cancellationToken) is not { ChannelType: ChannelType.WhatsApp } channel)
        {
            return WorkResult.Done;
        }

        var result = await client.MarkReadAsync(channel.ToWhatsAppNumber(), providerMessageId, cancellationToken: cancellationToken);
        return result is WhatsAppResult<Acknowledged>.Failure { Error: { CanRetry: true } error }
            ? WorkResult.RetryAfter(error.Retry.MinimumDelay, error.ToString())
            : WorkResult.Done;
    }
}
