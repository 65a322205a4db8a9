using Dapper;
using Npgsql;

namespace Switchboard.Cluster.Delivery;

/// <summary>Translates our message ids to the provider's, for quotes and reactions.</summary>
public sealed class ConversationMessageLookup(NpgsqlDataSource dataSource)
{
    public async Task<string?> ProviderIdAsync(string tenantId, string conversationId, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "select provider_message_id from messages where tenant_id = @tenantId and conversation_id = @conversationId and id = @messageId",
            new { tenantId, conversationId, messageId }, cancellationToken: cancellationToken));
    }
}
