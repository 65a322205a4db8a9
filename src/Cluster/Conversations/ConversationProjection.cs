using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Switchboard.Cluster.Channels;
using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Json;
using Switchboard.Grains.Messages;
using Switchboard.Runtime.Grains;

namespace Switchboard.Cluster.Conversations;

/// <summary>
/// Keeps <c>conversations</c> (the inbox lists) and <c>messages</c> (the timelines) in step with
/// the conversation grain, inside each turn's transaction. The conversation row is rewritten
/// from the state after the turn — a snapshot, so it cannot drift — and timeline rows follow
/// the events one by one.
/// </summary>
public sealed class ConversationProjection : IGrainProjection<ConversationState, ConversationEvent>
{
    public void Project(NpgsqlBatch batch, GrainKey key, ConversationState state, IReadOnlyList<CommittedEvent<ConversationEvent>> events)
    {
        if (state.Identity is not { } identity || events.Count == 0)
        {
            return;
        }

        var conversationId = ConversationAddress.ConversationId(identity);
        if (events.Any(e => e.Event is ConversationStarted))
        {
            batch.BatchCommands.Add(Command(
                "insert into contacts (tenant_id, id, phone_number) values ($1, $2, $3) on conflict do nothing",
                identity.TenantId, ContactId(identity), ConversationAddress.PhoneNumber(identity.ContactId)));
        }

        var lastMessage = events.Select(e => e.Event switch
        {
            MessageReceived received => received.Message,
            MessageQueued queued => queued.Message,
            MessageHeld held => held.Message,
            _ => null,
        }).LastOrDefault(m => m is not null);
        batch.BatchCommands.Add(UpsertConversation(key, identity, conversationId, state, events[^1].Sequence, lastMessage));
        foreach (var committed in events)
        {
            foreach (var command in TimelineCommands(identity.TenantId, conversationId, ContactId(identity), committed))
            {
                batch.BatchCommands.Add(command);
            }
        }
    }

    private static IEnumerable<NpgsqlBatchCommand> TimelineCommands(string tenantId, string conversationId, string contactId, CommittedEvent<ConversationEvent> committed)
    {
        switch (committed.Event)
        {
            case MessageReceived e:
                yield return InsertMessage(tenantId, conversationId, committed.Sequence, e.Message);
                if (e.Message.Author.Name is { Length: > 0 } customerName)
                {
                    // The channel's profile name names the contact until an agent names it otherwise.
                    yield return Command(
                        "update contacts set name = $3, updated_at = now() where tenant_id = $1 and id = $2 and name is null",
                        tenantId, contactId, customerName);
                }

                break;
            case MessageQueued e:
                yield return InsertMessage(tenantId, conversationId, committed.Sequence, e.Message);
                break;
            case MessageHeld e:
                yield return InsertMessage(tenantId, conversationId, committed.Sequence, e.Message);
                break;
            case ScheduledMessageFailed e:
                yield return InsertMessage(tenantId, conversationId, committed.Sequence, e.Message);
                break;
            case SystemMessageAdded e:
                yield return InsertMessage(tenantId, conversationId, committed.Sequence, e.Message);
                break;
            case NoteAdded e:
                yield return InsertMessage(tenantId, conversationId, committed.Sequence, e.Note);
                break;
            case HeldMessageCancelled e:
                yield return Command("delete from messages where tenant_id = $1 and conversation_id = $2 and id = $3", tenantId, conversationId, e.MessageId);
                break;
            case MessageSent e:
                yield return StatusUpdate(tenantId, conversationId, e.MessageId, MessageStatus.Sent, e.ProviderMessageId, null);
                break;
            case MessageStatusChanged e:
                yield return StatusUpdate(tenantId, conversationId, e.MessageId, e.Status, e.ProviderMessageId, e.Error);
                break;
        }
    }

    /// <summary>
    /// One write of the conversation row per turn: the state's snapshot, and the last message when
    /// the turn added one (each rewrite of the row also rewrites its list indexes).
    /// </summary>
    private static NpgsqlBatchCommand UpsertConversation(
        GrainKey key, ConversationIdentity identity, string conversationId, ConversationState state, long sequence, MessageRecord? lastMessage) =>
        Command(
            """
            insert into conversations (
                tenant_id, id, grain_key, channel_id, channel_type, contact_id, customer_address, status, snoozed_until,
                assignee_id, assignee_name, participants, labels, window_last_inbound_at, window_expires_at,
                unread_count, bot_active, bot_flow_id, sequence, created_at, updated_at,
                last_message_id, last_message_at, last_message_preview, last_message_direction, last_message_status)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, coalesce($20, now()), now(),
                    $21, $22, $23, $24, $25)
            on conflict (tenant_id, id) do update set
                status = excluded.status, snoozed_until = excluded.snoozed_until,
                assignee_id = excluded.assignee_id, assignee_name = excluded.assignee_name,
                participants = excluded.participants, labels = excluded.labels,
                window_last_inbound_at = excluded.window_last_inbound_at, window_expires_at = excluded.window_expires_at,
                unread_count = excluded.unread_count, bot_active = excluded.bot_active, bot_flow_id = excluded.bot_flow_id,
                sequence = excluded.sequence, updated_at = now(),
                last_message_id = coalesce(excluded.last_message_id, conversations.last_message_id),
                last_message_at = coalesce(excluded.last_message_at, conversations.last_message_at),
                last_message_preview = coalesce(excluded.last_message_preview, conversations.last_message_preview),
                last_message_direction = coalesce(excluded.last_message_direction, conversations.last_message_direction),
                last_message_status = coalesce(excluded.last_message_status, conversations.last_message_status)
            """,
            identity.TenantId, conversationId, key.Id, identity.ChannelId, ChannelTypeNames.Of(identity.ChannelType), ContactId(identity), identity.ContactId,
            Enum(state.Status), state.SnoozedUntil, state.Assignee?.Id, state.Assignee?.Name,
            state.Participants.Select(p => p.Id).ToArray(), state.Labels.ToArray(),
            state.Window.LastInboundAt, state.Window.ExpiresAt, state.UnreadCount, state.Bot.Active, state.Bot.FlowId, sequence, state.StartedAt,
            lastMessage?.Id, lastMessage?.CreatedAt, lastMessage?.Content.Preview,
            lastMessage is null ? null : Enum(lastMessage.Direction), lastMessage is null ? null : Enum(lastMessage.Status));

    private static NpgsqlBatchCommand InsertMessage(string tenantId, string conversationId, long sequence, MessageRecord message) =>
        Command(
            """
            insert into messages (
                tenant_id, conversation_id, id, sequence, direction, content, preview, status, author_kind, author_id, author_name,
                provider_message_id, reply_to, error_code, error_reason, provider_timestamp, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            on conflict (tenant_id, conversation_id, id) do update set
                status = excluded.status, content = excluded.content, preview = excluded.preview,
                provider_message_id = coalesce(excluded.provider_message_id, messages.provider_message_id),
                error_code = excluded.error_code, error_reason = excluded.error_reason, updated_at = now()
            """,
            tenantId, conversationId, message.Id, sequence, Enum(message.Direction),
            new NpgsqlParameter { Value = JsonSerializer.Serialize(message.Content, ContractJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb },
            message.Content.Preview, Enum(message.Status), Enum(message.Author.Kind), message.Author.Id, message.Author.Name,
            message.ProviderMessageId, message.ReplyTo, message.Error?.Code, message.Error?.Reason, message.ProviderTimestamp, message.CreatedAt);

    private static NpgsqlBatchCommand StatusUpdate(string tenantId, string conversationId, string messageId, MessageStatus status, string? providerMessageId, MessageError? error) =>
        Command(
            """
            with updated as (
                update messages set status = $4, provider_message_id = coalesce($5, provider_message_id),
                    error_code = coalesce($6, error_code), error_reason = coalesce($7, error_reason), updated_at = now()
                where tenant_id = $1 and conversation_id = $2 and id = $3
                returning id)
            update conversations set last_message_status = $4
            where tenant_id = $1 and id = $2 and last_message_id in (select id from updated)
            """,
            tenantId, conversationId, messageId, Enum(status), providerMessageId, error?.Code, error?.Reason);

    private static string ContactId(ConversationIdentity identity) => ConversationAddress.ContactId(identity.TenantId, identity.ContactId);

    private static string Enum<T>(T value)
        where T : struct, System.Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
