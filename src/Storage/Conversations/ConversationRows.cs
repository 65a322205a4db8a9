using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Json;
using Switchboard.Grains.Messages;
using Switchboard.Storage.Channels;

namespace Switchboard.Storage.Conversations;

/// <summary>
/// The one mapping from a conversation's events to the rows the inbox reads: <c>conversations</c>
/// (the lists) and <c>messages</c> (the timelines), written in the turn's own batch, so a list or a
/// search never shows what the grain did not commit. The conversation row is rewritten from the
/// state after the turn (a snapshot, so it cannot drift); timeline rows follow the events one by one.
/// It only adds writes; it never reads and never calls out.
/// </summary>
public static class ConversationRows
{
    public static IEnumerable<NpgsqlBatchCommand> For(ConversationKey key, ConversationState state, IReadOnlyList<SequencedEvent> events)
    {
        var visible = events.Where(e => e.Sequence is not null).ToList();
        if (state.Identity is not { } identity || visible.Count == 0)
        {
            yield break;
        }

        var conversationId = key.ConversationId;
        if (visible.Exists(e => e.Event is ConversationStarted))
        {
            yield return Command(
                "insert into contacts (tenant_id, id, phone_number) values ($1, $2, $3) on conflict do nothing",
                key.TenantId, key.ContactId, key.PhoneNumber);
        }

        var lastMessage = visible.Select(e => e.Event switch
        {
            MessageReceived received => received.Message,
            MessageQueued queued => queued.Message,
            MessageHeld held => held.Message,
            _ => null,
        }).LastOrDefault(m => m is not null);
        yield return UpsertConversation(key, identity, state, lastMessage);
        foreach (var sequenced in visible)
        {
            foreach (var command in TimelineCommands(key, conversationId, sequenced.Event, sequenced.Sequence!.Value))
            {
                yield return command;
            }
        }
    }

    private static IEnumerable<NpgsqlBatchCommand> TimelineCommands(ConversationKey key, string conversationId, ConversationEvent @event, long sequence)
    {
        switch (@event)
        {
            case MessageReceived e:
                yield return InsertMessage(key.TenantId, conversationId, sequence, e.Message);
                if (e.Message.Author.Name is { Length: > 0 } customerName)
                {
                    // The channel's profile name names the contact until an agent names it otherwise.
                    yield return Command(
                        "update contacts set name = $3, updated_at = now() where tenant_id = $1 and id = $2 and name is null",
                        key.TenantId, key.ContactId, customerName);
                }

                break;
            case MessageQueued e:
                yield return InsertMessage(key.TenantId, conversationId, sequence, e.Message);
                break;
            case MessageHeld e:
                yield return InsertMessage(key.TenantId, conversationId, sequence, e.Message);
                break;
            case ScheduledMessageFailed e:
                yield return InsertMessage(key.TenantId, conversationId, sequence, e.Message);
                break;
            case SystemMessageAdded e:
                yield return InsertMessage(key.TenantId, conversationId, sequence, e.Message);
                break;
            case NoteAdded e:
                yield return InsertMessage(key.TenantId, conversationId, sequence, e.Note);
                break;
            case HeldMessageCancelled e:
                yield return Command("delete from messages where tenant_id = $1 and conversation_id = $2 and id = $3", key.TenantId, conversationId, e.MessageId);
                break;
            case MessageSent e:
                yield return StatusUpdate(key.TenantId, conversationId, e.MessageId, MessageStatus.Sent, e.ProviderMessageId, null);
                break;
            case MessageStatusChanged e:
                yield return StatusUpdate(key.TenantId, conversationId, e.MessageId, e.Status, e.ProviderMessageId, e.Error);
                break;
        }
    }

    /// <summary>
    /// One write of the conversation row per turn: the state's snapshot, and the last message when
    /// the turn added one (each rewrite of the row also rewrites its list indexes).
    /// </summary>
    private static NpgsqlBatchCommand UpsertConversation(ConversationKey key, ConversationIdentity identity, ConversationState state, MessageRecord? lastMessage) =>
        Command(
            """
            insert into conversations (
                tenant_id, id, channel_id, channel_type, contact_id, customer_address, status, snoozed_until,
                assignee_id, assignee_name, participants, labels, window_last_inbound_at, window_expires_at,
                unread_count, bot_active, bot_flow_id, sequence, created_at, updated_at,
                last_message_id, last_message_at, last_message_preview, last_message_direction, last_message_status)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, coalesce($19, now()), now(),
                    $20, $21, $22, $23, $24)
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
            key.TenantId, key.ConversationId, key.ChannelId, ChannelTypeNames.Of(identity.ChannelType), key.ContactId, key.CustomerAddress,
            ContractNames.Of(state.Status), Timestamp(state.SnoozedUntil), state.Assignee?.Id, state.Assignee?.Name,
            state.Participants.Select(p => p.Id).ToArray(), state.Labels.ToArray(),
            Timestamp(state.Window.LastInboundAt), Timestamp(state.Window.ExpiresAt), state.UnreadCount, state.Bot.Active, state.Bot.FlowId,
            state.Sequence, Timestamp(state.StartedAt),
            lastMessage?.Id, Timestamp(lastMessage?.CreatedAt), lastMessage?.Content.Preview,
            lastMessage is null ? null : ContractNames.Of(lastMessage.Direction), lastMessage is null ? null : ContractNames.Of(lastMessage.Status));

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
            tenantId, conversationId, message.Id, sequence, ContractNames.Of(message.Direction),
            new NpgsqlParameter { Value = JsonSerializer.Serialize(message.Content, ContractJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb },
            message.Content.Preview, ContractNames.Of(message.Status), ContractNames.Of(message.Author.Kind), message.Author.Id, message.Author.Name,
            message.ProviderMessageId, message.ReplyTo, message.Error?.Code, message.Error?.Reason, Timestamp(message.ProviderTimestamp), Timestamp(message.CreatedAt));

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
            tenantId, conversationId, messageId, ContractNames.Of(status), providerMessageId, error?.Code, error?.Reason);

    /// <summary>A time in UTC (Npgsql writes timestamptz only from offset 0), typed so a null still tells PostgreSQL what it is.</summary>
    private static NpgsqlParameter Timestamp(DateTimeOffset? value) =>
        new() { Value = value is { } at ? at.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

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
