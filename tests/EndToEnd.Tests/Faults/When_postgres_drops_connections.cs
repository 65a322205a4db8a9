using Npgsql;
using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Faults;

/// <summary>
/// Failure mode 7 (the pg_terminate_backend variant): the database cuts every session of the
/// cluster, again and again, while customers write. Requests in flight fail (a webhook the Api
/// could not store is answered with an error, so the provider sends it again); nothing that
/// was acknowledged is lost, and nothing is recorded twice.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class When_postgres_drops_connections(ClusterFixture cluster)
{
    [Fact]
    public async Task Every_message_sent_while_sessions_are_being_killed_is_stored_once()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        var (waId, conversationId) = await cluster.NewConversationAsync(agent, "opening line");

        using var stop = new CancellationTokenSource();
        var killer = KillSessionsAsync(stop.Token);
        for (var i = 0; i < 30; i++)
        {
            await cluster.Customers.CustomerSendsTextAsync(waId, $"during the cuts {i}", waitForAcknowledgement: false);
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        stop.Cancel();
        var killed = await killer;
        Assert.True(killed > 0, "no database session was killed: the test did not exercise the fault");

        // Pooled connections the database killed fail once each: the Api answers 503 with Retry-After,
        // and a client retries — as this probe does.
        var texts = await Eventually.ValueAsync(
            async () =>
            {
                var response = await agent.Http.GetAsync($"/api/v1/conversations/{conversationId}/messages?limit=100");
                if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
                {
                    return [];
                }

                var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                return page.GetProperty("items").EnumerateArray()
                    .Select(m => m.GetProperty("preview").GetString()!).Where(t => t.StartsWith("during the cuts", StringComparison.Ordinal)).ToList();
            },
            found => found.Count >= 30,
            TimeSpan.FromSeconds(60), "all thirty messages after the emulator's retries");
        Assert.Equal(30, texts.Count);
        Assert.Equal(30, texts.Distinct().Count());

        // Node B's pool still holds sessions the database cut; its first failure clears them.
        using var onB = new HttpClient { BaseAddress = cluster.ApiB.BaseAddress };
        onB.DefaultRequestHeaders.Add("Cookie", agent.CookieHeader);
        await Eventually.TrueAsync(
            async () => (await onB.GetAsync("/api/v1/me")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "node B to serve again after the cuts");
    }

    /// <summary>Terminates every session on the cluster's database every 100 ms until cancelled.</summary>
    private async Task<int> KillSessionsAsync(CancellationToken stop)
    {
        var killed = 0;
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        while (!stop.IsCancellationRequested)
        {
            await using var command = new NpgsqlCommand(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", admin);
            command.Parameters.Add(new() { Value = cluster.Database.Name });
            killed += (int)(long)(await command.ExecuteScalarAsync())!;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return killed;
    }
}
