using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Switchboard.Api.Conversations;
using Switchboard.Cluster.Conversations;
using Switchboard.Cluster.Templates;
using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Json;
using Switchboard.Grains.Messages;
using Switchboard.Runtime.Events;

namespace Switchboard.Api.Realtime;

/// <summary>
/// Every Api node subscribes to the whole event stream and relays each event to its own
/// SignalR connections, so an agent on any node sees what any node committed.
/// Watchers of a conversation get exactly one client event per grain event, carrying its
/// sequence, so a gap tells them they missed something and should re-read over REST.
/// The tenant group gets <c>conversationUpdated</c> snapshots re-read from the database and
/// coalesced per conversation — the latest state, never a stale delta.
/// </summary>
public sealed partial class InboxRelay(
    IEventBus bus,
    IHubContext<InboxHub> hub,
    InboxPresence presence,
    ConversationQueries queries,
    TimeProvider time,
    ILogger<InboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(25);

    private readonly ConcurrentDictionary<(string TenantId, string ConversationId), byte> pendingSnapshots = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var subscription = await bus.SubscribeAsync(envelope => RelayAsync(envelope, stoppingToken), stoppingToken);
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Redis is down: live chat goes on; screens re-sync by sequence once events flow again.
                LogSubscribeFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    public async Task RelayAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (!presence.HasConnections(envelope.TenantId))
        {
            return;
        }

        try
        {
            switch (envelope.GrainType)
            {
                case "conversation":
                    await RelayConversationEventAsync(envelope, cancellationToken);
                    break;
                case TemplateStatusNotifier.GrainType:
                    await hub.Clients.Group(InboxGroups.Tenant(envelope.TenantId))
                        .SendAsync(InboxEvents.TemplateStatusChanged, envelope.Payload, cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRelayFailed(logger, envelope.EventId, ex);
        }
    }

    private async Task RelayConversationEventAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var @event = JsonSerializer.Deserialize<ConversationEvent>(envelope.Payload, ContractJson.Options)!;
        var conversationId = ConversationAddress.ConversationId(new GrainKey(envelope.TenantId, envelope.GrainKey));
        var (name, payload) = ClientEvent(conversationId, envelope.Sequence, @event);
        await hub.Clients.Group(InboxGroups.Conversation(envelope.TenantId, conversationId)).SendAsync(name, payload, cancellationToken);
        if (@event is AssigneeChanged)
        {
            await hub.Clients.Group(InboxGroups.Tenant(envelope.TenantId)).SendAsync(name, payload, cancellationToken);
        }

        ScheduleSnapshot(envelope.TenantId, conversationId, cancellationToken);
    }

    /// <summary>One snapshot per conversation per short window, however many events arrive in it.</summary>
    private void ScheduleSnapshot(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        if (!pendingSnapshots.TryAdd((tenantId, conversationId), 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(Coalesce, time, cancellationToken);
                pendingSnapshots.TryRemove((tenantId, conversationId), out _);
                if (await queries.FindAsync(tenantId, conversationId, cancellationToken) is { } conversation)
                {
                    await hub.Clients.Group(InboxGroups.Tenant(tenantId)).SendAsync(
                        InboxEvents.ConversationUpdated,
                        new { conversationId, sequence = conversation.Sequence, conversation },
                        cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                pendingSnapshots.TryRemove((tenantId, conversationId), out _);
                LogSnapshotFailed(logger, conversationId, ex);
            }
        }, CancellationToken.None);
    }

    private (string Name, object Payload) ClientEvent(string conversationId, long sequence, ConversationEvent @event) => @event switch
    {
        MessageReceived e => (InboxEvents.MessageCreated, new { conversationId, sequence, message = View(conversationId, sequence, e.Message) }),
        MessageQueued e => (InboxEvents.MessageCreated, new { conversationId, sequence, message = View(conversationId, sequence, e.Message) }),
        MessageHeld e => (InboxEvents.MessageCreated, new { conversationId, sequence, message = View(conversationId, sequence, e.Message) }),
        SystemMessageAdded e => (InboxEvents.MessageCreated, new { conversationId, sequence, message = View(conversationId, sequence, e.Message) }),
        NoteAdded e => (InboxEvents.MessageCreated, new { conversationId, sequence, message = View(conversationId, sequence, e.Note) }),
        ScheduledMessageFailed e => (InboxEvents.MessageCreated, new { conversationId, sequence, message = View(conversationId, sequence, e.Message) }),
        MessageSent e => (InboxEvents.MessageStatusChanged, new
        {
            conversationId, sequence, messageId = e.MessageId, status = "sent", providerMessageId = e.ProviderMessageId,
        }),
        MessageStatusChanged e => (InboxEvents.MessageStatusChanged, new
        {
            conversationId, sequence, messageId = e.MessageId, status = Name(e.Status), providerMessageId = e.ProviderMessageId,
            error = e.Error is null ? null : new ErrorView(e.Error.Code, e.Error.Reason),
        }),
        WindowOpened e => (InboxEvents.WindowChanged, new
        {
            conversationId, sequence, window = new WindowView(time.GetUtcNow() < e.ExpiresAt, e.ExpiresAt, e.LastInboundAt),
        }),
        WindowClosed e => (InboxEvents.WindowChanged, new { conversationId, sequence, window = new WindowView(false, e.ClosedAt, null) }),
        AssigneeChanged e => (InboxEvents.AssignmentChanged, new
        {
            conversationId, sequence,
            assignee = e.Current is null ? null : new AgentSummary(e.Current.Id, e.Current.Name),
            previous = e.Previous is null ? null : new AgentSummary(e.Previous.Id, e.Previous.Name),
        }),
        BotStarted e => (InboxEvents.BotChanged, new { conversationId, sequence, bot = new BotView(true, e.FlowId) }),
        BotAdvanced => (InboxEvents.BotChanged, new { conversationId, sequence, bot = new BotView(true, null) }),
        BotTimedOut e => (InboxEvents.BotChanged, new { conversationId, sequence, bot = new BotView(true, e.FlowId) }),
        BotExited => (InboxEvents.BotChanged, new { conversationId, sequence, bot = new BotView(false, null) }),
        _ => (InboxEvents.ConversationUpdated, new { conversationId, sequence, change = @event.GetType().Name }),
    };

    /// <summary>A timeline item in the same shape as <c>GET …/messages</c> returns.</summary>
    public static MessageView View(string conversationId, long sequence, MessageRecord message)
    {
        var content = JsonSerializer.SerializeToElement(message.Content, ContractJson.Options);
        return new MessageView(
            message.Id, conversationId, sequence, Name(message.Direction), content.GetProperty("type").GetString() ?? "unknown", content,
            message.Content.Preview, Name(message.Status),
            new AuthorView(Name(message.Author.Kind), message.Author.Id, message.Author.Name),
            message.ProviderMessageId, message.ReplyTo,
            message.Error is null ? null : new ErrorView(message.Error.Code, message.Error.Reason),
            message.CreatedAt, message.ProviderTimestamp);
    }

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to the event bus failed; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying event {EventId} failed")]
    private static partial void LogRelayFailed(ILogger logger, Guid eventId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing a snapshot of {ConversationId} failed")]
    private static partial void LogSnapshotFailed(ILogger logger, string conversationId, Exception exception);
}
