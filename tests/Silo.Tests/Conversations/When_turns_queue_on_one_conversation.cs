using Dapper;
using Orleans.Storage;
using Switchboard.Grains.Conversations;
using Switchboard.Silo.Tests.Infrastructure;
using static Switchboard.Silo.Tests.Conversations.ConversationScene;

namespace Switchboard.Silo.Tests.Conversations;

/// <summary>
/// A busy conversation does not write once per turn: turns that arrive while one is being written
/// are decided on top of it and written together next. Every caller's answer still tells the truth:
/// what it was told was written is stored, what failed is not, and a repeat is refused alone.
/// </summary>
public sealed class When_turns_queue_on_one_conversation(SiloCluster silos) : IClassFixture<SiloCluster>
{
    private const int Turns = 60;

    [Fact]
    public async Task Turns_that_queue_behind_a_write_are_written_together()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var conversation = silos.Conversation(customer.Key);
        await conversation.Execute(Writes(customer, "wamid.first"));
        var writesBefore = await VersionAsync(customer.Key);

        var replies = await Task.WhenAll(Enumerable.Range(0, Turns).Select(i => conversation.Execute(Note($"note {i}"))));

        Assert.All(replies, reply => Assert.False(reply.IsRejected));
        Assert.Equal(Turns, await NotesAsync(customer.Key));
        var writes = await VersionAsync(customer.Key) - writesBefore;
        Assert.True(writes < Turns, $"{Turns} turns took {writes} writes: none were written together");
    }

    [Fact]
    public async Task A_repeat_among_turns_written_together_is_refused_alone()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var conversation = silos.Conversation(customer.Key);
        await conversation.Execute(Writes(customer, "wamid.original", "the original"));

        var replies = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => i == 10 ? Writes(customer, "wamid.original", "the original") : Writes(customer, $"wamid.new{i}", $"new {i}"))
            .Select(command => conversation.Execute(command)));

        Assert.True(Assert.Single(replies, reply => reply.Duplicate) == replies[10]);
        await using var connection = await silos.DataSource.OpenConnectionAsync();
        Assert.Equal(20L, await connection.ExecuteScalarAsync<long>(
            "select count(*) from messages where conversation_id = @ConversationId and direction = 'inbound'", new { customer.Key.ConversationId }));
        Assert.Equal(20, (await conversation.Read()).State.UnreadCount);
    }

    [Fact]
    public async Task When_a_write_fails_the_turns_decided_on_top_of_it_fail_too_and_nothing_of_them_is_stored()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var conversation = silos.Conversation(customer.Key);
        await conversation.Execute(Writes(customer, "wamid.first"));
        await using (var connection = await silos.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update conversation_grains set version = version + 1 where grain_key = @key", new { key = customer.Key.ToString() });
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Turns).Select(async i =>
        {
            try
            {
                await conversation.Execute(Note($"note {i}"));
                return (Note: $"note {i}", Written: true);
            }
            catch (InconsistentStateException)
            {
                return (Note: $"note {i}", Written: false);
            }
        }));

        Assert.Contains(outcomes, outcome => !outcome.Written);
        await using var reader = await silos.DataSource.OpenConnectionAsync();
        var stored = (await reader.QueryAsync<string>(
            "select preview from messages where conversation_id = @ConversationId and direction = 'note'", new { customer.Key.ConversationId })).ToHashSet();
        Assert.Equal(outcomes.Where(o => o.Written).Select(o => o.Note).ToHashSet(), stored);
    }

    private async Task<long> VersionAsync(ConversationKey key)
    {
        await using var connection = await silos.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select version from conversation_grains where grain_key = @key", new { key = key.ToString() });
    }

    private async Task<long> NotesAsync(ConversationKey key)
    {
        await using var connection = await silos.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "select count(*) from messages where conversation_id = @ConversationId and direction = 'note'", new { key.ConversationId });
    }
}
