using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Switchboard.Grains.Conversations;
using Switchboard.Silo.Tests.Conversations;
using Switchboard.Silo.Tests.Infrastructure;
using Switchboard.Storage.Cluster;
using Switchboard.Storage.Conversations;

namespace Switchboard.Silo.Tests.Storage;

/// <summary>
/// Two activations of one grain writing its first state at once (a duplicate activation during a
/// membership change): exactly one write wins and the other is refused, in both storages. The stock
/// PostgreSQL script let both insert, after which the grain could never be read again.
/// </summary>
public sealed class When_a_grain_is_written_first(SiloCluster silos) : IClassFixture<SiloCluster>
{
    private const int Writers = 8;

    [Fact]
    public async Task One_first_write_of_a_conversation_wins_and_the_others_are_refused()
    {
        var key = ConversationScene.Customer(await silos.NewTenantAsync()).Key;
        var storage = silos.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ConversationGrainStorage.Name);
        var grainId = GrainId.Create("conversation", key.ToString());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Outcome(storage.WriteStateAsync("conversation", grainId, FirstState(i)))));

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.IsType<InconsistentStateException>(o));
        await using var connection = await silos.DataSource.OpenConnectionAsync();
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("select count(*) from conversation_grains where grain_key = @key", new { key = key.ToString() }));
    }

    [Fact]
    public async Task One_first_write_of_a_document_wins_and_the_others_are_refused()
    {
        var storage = silos.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ClusterTables.DocumentStorage);
        var grainId = GrainId.Create("firstdocumentprobe", "t:" + Guid.NewGuid().ToString("N"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i =>
            Outcome(storage.WriteStateAsync("first-document-probe-v1", grainId, new GrainState<ProbeDocument>(new ProbeDocument { Value = $"writer {i}" })))));

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.IsType<InconsistentStateException>(o));
        var read = new GrainState<ProbeDocument>(new ProbeDocument());
        await storage.ReadStateAsync("first-document-probe-v1", grainId, read);
        Assert.StartsWith("writer ", read.State!.Value, StringComparison.Ordinal);
    }

    private static GrainState<ConversationDocument> FirstState(int writer) => new(new ConversationDocument
    {
        State = ConversationState.Empty with { UnreadCount = writer },
        Turn = new ConversationTurn([], IdempotencyKeys: [], DueAt: null),
    });

    private static async Task<Exception?> Outcome(Task write)
    {
        try
        {
            await write;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
