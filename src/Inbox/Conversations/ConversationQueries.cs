using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using Switchboard.Grains.Conversations;
using Switchboard.Inbox.Contacts;

namespace Switchboard.Inbox.Conversations;

/// <summary>Reads of the conversation and message tables (written by each conversation turn). Every query is tenant-scoped.</summary>
public sealed class ConversationQueries(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const int MaxPageSize = 100;

    /// <summary>A message row as <see cref="MessageRow"/> reads it, for queries over <c>messages</c> alone.</summary>
    private const string MessageColumns = """
        id as Id, conversation_id as ConversationId, sequence as Sequence, direction as Direction, content::text as Content,
        preview as Preview, status as Status, author_kind as AuthorKind, author_id as AuthorId, author_name as AuthorName,
        provider_message_id as ProviderMessageId, reply_to as ReplyTo, error_code as ErrorCode, error_reason as ErrorReason,
        created_at as CreatedAt, provider_timestamp as ProviderTimestamp
        """;

    private const string Select =
        """
        select c.id as Id, c.channel_id as ChannelId, c.channel_type as ChannelType, c.contact_id as ContactId,
               coalesce(ct.phone_number, '+' || c.customer_address) as PhoneNumber, ct.name as ContactName,
               coalesce(ct.opted_out, false) as OptedOut, c.status as Status, c.snoozed_until as SnoozedUntil,
               c.assignee_id as AssigneeId, c.assignee_name as AssigneeName, c.participants as Participants, c.labels as Labels,
               c.window_expires_at as WindowExpiresAt, c.window_last_inbound_at as WindowLastInboundAt,
               c.last_message_id as LastMessageId, c.last_message_preview as LastMessagePreview,
               c.last_message_direction as LastMessageDirection, c.last_message_status as LastMessageStatus,
               c.last_message_at as LastMessageAt, c.unread_count as UnreadCount, c.bot_active as BotActive,
               c.bot_flow_id as BotFlowId, c.sequence as Sequence, c.created_at as CreatedAt, c.updated_at as UpdatedAt
        from conversations c
        left join contacts ct on ct.tenant_id = c.tenant_id and ct.id = c.contact_id
        """;

    public async Task<ConversationView?> FindAsync(string tenantId, string conversationId, CancellationToken cancellationToken) =>
        (await FindRowAsync(tenantId, conversationId, cancellationToken)) is { } row ? ToView(row) : null;

    /// <summary>Several conversations of one tenant in one query (those it does not have are left out).</summary>
    public async Task<IReadOnlyList<ConversationView>> FindManyAsync(string tenantId, IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConversationRow>(new CommandDefinition(
            // Driven by the id list, so each is one primary-key lookup whatever the statistics say about the tenant's size.
            Select + " join unnest(@ids) as wanted(id) on wanted.id = c.id where c.tenant_id = @tenantId",
            new { tenantId, ids = conversationIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.Select(ToView).ToList();
    }

    /// <summary>The grain a conversation id names, if the tenant has it.</summary>
    public async Task<ConversationKey?> FindKeyAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            "select channel_id as ChannelId, customer_address as CustomerAddress from conversations where tenant_id = @tenantId and id = @conversationId",
            new { tenantId, conversationId }, cancellationToken: cancellationToken));
        return row is null ? null : new ConversationKey(tenantId, row.ChannelId, row.CustomerAddress);
    }

    public async Task<ConversationPage> ListAsync(string tenantId, ConversationFilter filter, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(Select).Append(" where c.tenant_id = @TenantId");
        switch (filter.View)
        {
            case "mine":
                sql.Append(" and (c.assignee_id = @AgentId or @AgentId = any(c.participants))");
                break;
            case "unassigned":
                sql.Append(" and c.assignee_id is null");
                break;
        }

        if (filter.Status is not null)
        {
            sql.Append(" and c.status = @Status");
        }

        if (filter.Label is not null)
        {
            sql.Append(" and @Label = any(c.labels)");
        }

        if (filter.ChannelId is not null)
        {
            sql.Append(" and c.channel_id = @ChannelId");
        }

        if (filter.Query is { Length: > 0 })
        {
            // Contacts by name or number, and conversations by any message's words.
            sql.Append(
                """
                 and (ct.name ilike '%' || @Query || '%' or ct.phone_number like '%' || @Query || '%'
                      or exists (select 1 from messages m where m.tenant_id = c.tenant_id and m.conversation_id = c.id
                                 and m.search @@ plainto_tsquery('simple', @Query)))
                """);
        }

        var cursor = Cursor.Decode(filter.Cursor);
        if (cursor is not null)
        {
            sql.Append(" and (c.last_message_at, c.id) < (@CursorAt, @CursorId)");
        }

        sql.Append(" order by c.last_message_at desc nulls last, c.id desc limit @Limit");
        var limit = Math.Clamp(filter.Limit ?? 50, 1, MaxPageSize);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ConversationRow>(new CommandDefinition(sql.ToString(), new
        {
            TenantId = tenantId, filter.AgentId, filter.Status, filter.Label, filter.ChannelId, filter.Query,
            CursorAt = cursor?.At, CursorId = cursor?.Id, Limit = limit + 1,
        }, cancellationToken: cancellationToken))).ToList();

        var page = rows.Take(limit).Select(ToView).ToList();
        var next = rows.Count > limit && page[^1].LastMessage is { } last ? Cursor.Encode(last.At, page[^1].Id) : null;
        return new ConversationPage(page, next);
    }

    public async Task<MessagePage> MessagesAsync(string tenantId, string conversationId, long? before, int? limit, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? 50, 1, MaxPageSize);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<MessageRow>(new CommandDefinition(
            $"""
            select {MessageColumns}
            from messages
            where tenant_id = @tenantId and conversation_id = @conversationId and (@before::bigint is null or sequence < @before)
            order by sequence desc
            limit @limit
            """, new { tenantId, conversationId, before, limit = take + 1 }, cancellationToken: cancellationToken))).ToList();
        var items = rows.Take(take).Reverse().Select(ToView).ToList();
        return new MessagePage(items, rows.Count > take);
    }

    /// <summary>
    /// The media a contact sent or received, in every conversation of theirs, newest first, a page
    /// at a time (keyset on created_at and id); null when the tenant has no such contact.
    /// </summary>
    public async Task<ContactFilePage?> ContactFilesAsync(
        string tenantId, string contactId, (DateTimeOffset At, string Id)? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var known = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from contacts where tenant_id = @tenantId and id = @contactId)",
            new { tenantId, contactId }, cancellationToken: cancellationToken));
        if (!known)
        {
            return null;
        }

        var rows = (await connection.QueryAsync<MessageRow>(new CommandDefinition(
            $"""
            select {MessageColumns}
            from messages
            where tenant_id = @tenantId
              and conversation_id in (select id from conversations where tenant_id = @tenantId and contact_id = @contactId)
              and content ->> 'type' in ('image', 'video', 'audio', 'document', 'sticker')
              and (@beforeAt::timestamptz is null or (created_at, id) < (@beforeAt, @beforeId))
            order by created_at desc, id desc
            limit @fetch
            """,
            new { tenantId, contactId, beforeAt = before?.At, beforeId = before?.Id, fetch = limit + 1 },
            cancellationToken: cancellationToken))).ToList();
        var items = rows.Take(limit).Select(ToView).ToList();
        return new ContactFilePage(items, rows.Count > limit ? ContactFileCursor.Encode(items[^1].CreatedAt, items[^1].Id) : null);
    }

    public async Task<MessageView?> MessageAsync(string tenantId, string conversationId, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MessageRow>(new CommandDefinition(
            $"""
            select {MessageColumns}
            from messages where tenant_id = @tenantId and conversation_id = @conversationId and id = @messageId
            """, new { tenantId, conversationId, messageId }, cancellationToken: cancellationToken));
        return row is null ? null : ToView(row);
    }

    private async Task<ConversationRow?> FindRowAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ConversationRow>(new CommandDefinition(
            Select + " where c.tenant_id = @tenantId and c.id = @conversationId", new { tenantId, conversationId }, cancellationToken: cancellationToken));
    }

    private ConversationView ToView(ConversationRow row) => new(
        row.Id,
        row.ChannelId,
        row.ChannelType,
        new ContactSummary(row.ContactId, row.PhoneNumber, row.ContactName, row.OptedOut),
        row.Status,
        Utc(row.SnoozedUntil),
        row.AssigneeId is null ? null : new AgentSummary(row.AssigneeId, row.AssigneeName),
        row.Participants,
        row.Labels,
        new WindowView(Utc(row.WindowExpiresAt) is { } expires && time.GetUtcNow() < expires, Utc(row.WindowExpiresAt), Utc(row.WindowLastInboundAt)),
        row.LastMessageId is null ? null : new LastMessageView(row.LastMessageId, row.LastMessagePreview ?? "", row.LastMessageDirection ?? "", row.LastMessageStatus ?? "", Utc(row.LastMessageAt!.Value)),
        row.UnreadCount,
        new BotView(row.BotActive, row.BotFlowId),
        row.Sequence,
        Utc(row.CreatedAt),
        Utc(row.UpdatedAt));

    private static MessageView ToView(MessageRow row)
    {
        using var content = JsonDocument.Parse(row.Content);
        var type = content.RootElement.TryGetProperty("type", out var t) ? t.GetString() ?? "unknown" : "unknown";
        return new MessageView(
            row.Id, row.ConversationId, row.Sequence, row.Direction, type, content.RootElement.Clone(), row.Preview, row.Status,
            new AuthorView(row.AuthorKind, row.AuthorId, row.AuthorName), row.ProviderMessageId, row.ReplyTo,
            row.ErrorCode is null ? null : new ErrorView(row.ErrorCode, row.ErrorReason), Utc(row.CreatedAt), Utc(row.ProviderTimestamp));
    }

    /// <summary>Npgsql reads timestamptz as a UTC DateTime.</summary>
    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    /// <summary>Dapper maps columns onto properties (its constructor matching is strict about array and date types).</summary>
    private sealed class ConversationRow
    {
        public string Id { get; init; } = "";

        public string ChannelId { get; init; } = "";

        public string ChannelType { get; init; } = "";

        public string ContactId { get; init; } = "";

        public string PhoneNumber { get; init; } = "";

        public string? ContactName { get; init; }

        public bool OptedOut { get; init; }

        public string Status { get; init; } = "";

        public DateTime? SnoozedUntil { get; init; }

        public string? AssigneeId { get; init; }

        public string? AssigneeName { get; init; }

        public string[] Participants { get; init; } = [];

        public string[] Labels { get; init; } = [];

        public DateTime? WindowExpiresAt { get; init; }

        public DateTime? WindowLastInboundAt { get; init; }

        public string? LastMessageId { get; init; }

        public string? LastMessagePreview { get; init; }

        public string? LastMessageDirection { get; init; }

        public string? LastMessageStatus { get; init; }

        public DateTime? LastMessageAt { get; init; }

        public int UnreadCount { get; init; }

        public bool BotActive { get; init; }

        public string? BotFlowId { get; init; }

        public long Sequence { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }
    }

    private sealed class KeyRow
    {
        public string ChannelId { get; init; } = "";

        public string CustomerAddress { get; init; } = "";
    }

    /// <summary>Dapper maps columns onto properties (its constructor matching is strict about array and date types).</summary>
    private sealed class MessageRow
    {
        public string Id { get; init; } = "";

        public string ConversationId { get; init; } = "";

        public long Sequence { get; init; }

        public string Direction { get; init; } = "";

        public string Content { get; init; } = "";

        public string Preview { get; init; } = "";

        public string Status { get; init; } = "";

        public string AuthorKind { get; init; } = "";

        public string? AuthorId { get; init; }

        public string? AuthorName { get; init; }

        public string? ProviderMessageId { get; init; }

        public string? ReplyTo { get; init; }

        public string? ErrorCode { get; init; }

        public string? ErrorReason { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime? ProviderTimestamp { get; init; }
    }

    /// <summary>Keyset paging over (last activity, id), opaque to clients.</summary>
    private sealed record Cursor(DateTimeOffset At, string Id)
    {
        public static string Encode(DateTimeOffset at, string id) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{at.UtcTicks}|{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static Cursor? Decode(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            try
            {
                var padded = value.Replace('-', '+').Replace('_', '/');
                padded += new string('=', (4 - padded.Length % 4) % 4);
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 2);
                return new Cursor(new DateTimeOffset(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero), parts[1]);
            }
            catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                throw new BadCursorException();
            }
        }
    }
}

/// <summary>Filters of the inbox views (api.md: view, status, label, channelId, q, cursor).</summary>
public sealed record ConversationFilter(string? View, string? AgentId, string? Status, string? Label, string? ChannelId, string? Query, string? Cursor, int? Limit);

public sealed class BadCursorException() : Exception("The cursor is not one this API gave out.");
