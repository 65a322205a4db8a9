using System.Text.Json;
using Dapper;
using Npgsql;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Json;
using Switchboard.Grains.Messages;

namespace Switchboard.Delivery;

/// <summary>
/// Reads the messages a send needs from the conversation's timeline rows, which the turn that
/// queued the message wrote before any send began: its content, and provider ids for the
/// messages it quotes or reacts to.
/// </summary>
public sealed class ConversationMessageLookup(NpgsqlDataSource dataSource)
{
    public async Task<StoredMessage?> FindAsync(ConversationKey key, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MessageRow>(new CommandDefinition(
            "select content::text as Content, reply_to as ReplyTo from messages where tenant_id = @TenantId and conversation_id = @ConversationId and id = @messageId",
            new { key.TenantId, key.ConversationId, messageId }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new StoredMessage(JsonSerializer.Deserialize<MessageContent>(row.Content, ContractJson.Options)!, row.ReplyTo);
    }

    /// <summary>The provider's id of one of our messages, once the provider named it.</summary>
    public async Task<string?> ProviderIdAsync(ConversationKey key, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "select provider_message_id from messages where tenant_id = @TenantId and conversation_id = @ConversationId and id = @messageId",
            new { key.TenantId, key.ConversationId, messageId }, cancellationToken: cancellationToken));
    }

    private sealed class MessageRow
    {
        public string Content { get; init; } = "";

        public string? ReplyTo { get; init; }
    }
}

/// <summary>What a send reads of its message.</summary>
public sealed record StoredMessage(MessageContent Content, string? ReplyTo);
