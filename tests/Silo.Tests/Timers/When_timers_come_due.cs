using Dapper;
using Switchboard.Grains.Conversations;
using Switchboard.Silo.Tests.Infrastructure;
using Switchboard.Testing;
using static Switchboard.Silo.Tests.Conversations.ConversationScene;

namespace Switchboard.Silo.Tests.Timers;

/// <summary>
/// A conversation's timers (window close, snooze, scheduled messages, bot timeouts, outbox retries)
/// are its earliest due time, written with its state; sweepers wake it then. No conversation holds
/// an Orleans reminder of its own.
/// </summary>
public sealed class When_timers_come_due(SiloCluster silos) : IClassFixture<SiloCluster>
{
    private static readonly MessageAuthor Ana = MessageAuthor.Agent("agent-1", "Ana");

    [Fact]
    public async Task A_snooze_ends_by_itself_when_its_time_comes()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var conversation = silos.Conversation(customer.Key);
        await conversation.Execute(Writes(customer, "wamid.first"));

        await conversation.Execute(new SetStatus(ConversationStatus.Snoozed, Ana, DateTimeOffset.UtcNow.AddSeconds(1)));

        await Eventually.TrueAsync(async () => (await conversation.Read()).State.Status == ConversationStatus.Open, TimeSpan.FromSeconds(15), "the snooze to end");
    }

    [Fact]
    public async Task The_earliest_due_time_is_written_with_the_state()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var wrote = DateTimeOffset.UtcNow.AddMinutes(-1);

        await silos.Conversation(customer.Key).Execute(Writes(customer, "wamid.first", at: wrote));

        await using var connection = await silos.DataSource.OpenConnectionAsync();
        var dueAt = await connection.ExecuteScalarAsync<DateTime>("select due_at from conversation_grains where grain_key = @key", new { key = customer.Key.ToString() });
        Assert.Equal(wrote.AddHours(24).UtcDateTime, dueAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Only_the_sweepers_hold_reminders()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var conversation = silos.Conversation(customer.Key);
        await conversation.Execute(Writes(customer, "wamid.first"));
        await conversation.Execute(new SetStatus(ConversationStatus.Snoozed, Ana, DateTimeOffset.UtcNow.AddHours(1)));

        await using var connection = await silos.DataSource.OpenConnectionAsync();
        var holders = (await connection.QueryAsync<string>("select distinct grainid from orleansreminderstable")).ToList();
        Assert.NotEmpty(holders);
        Assert.All(holders, grainId => Assert.StartsWith("duetimesweeper/", grainId, StringComparison.Ordinal));
    }
}
