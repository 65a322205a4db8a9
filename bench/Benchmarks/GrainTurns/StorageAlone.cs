using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Runtime;
using Switchboard.Benchmarks.Harness;
using Switchboard.Grains.Conversations;
using Switchboard.Storage.Conversations;

namespace Switchboard.Benchmarks.GrainTurns;

/// <summary>
/// Diagnostic: the same note turns decided by the same rules and written through the same
/// storage and group commit, in the benchmark's own process — no Orleans call, no grain, nothing
/// published. Beside the product, it splits the gap to plain UPDATEs into what the turn's write
/// itself costs and what the cluster around it adds.
/// </summary>
public sealed class StorageAlone : IAsyncDisposable
{
    private static readonly GrainType Conversation = GrainType.Create("conversation");

    private readonly ConversationDecider rules = new();
    private readonly GroupCommit commits;
    private readonly ConversationGrainStorage storage;
    private readonly GrainState<ConversationDocument>[] states;
    private readonly GrainId[] ids;

    private StorageAlone(NpgsqlDataSource dataSource, IReadOnlyList<string> keys)
    {
        commits = new GroupCommit(dataSource, Options.Create(new GroupCommitOptions()), NullLogger<GroupCommit>.Instance);
        storage = new ConversationGrainStorage(dataSource, commits);
        ids = keys.Select(key => GrainId.Create(Conversation, key)).ToArray();
        states = keys.Select(_ => new GrainState<ConversationDocument>(new ConversationDocument())).ToArray();
    }

    /// <summary>Reads the conversations' stored state (each written once by its grain beforehand).</summary>
    public static async Task<StorageAlone> LoadAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> keys)
    {
        var alone = new StorageAlone(dataSource, keys);
        await Parallel.ForAsync(0, keys.Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await alone.storage.ReadStateAsync("conversation", alone.ids[i], alone.states[i]));
        return alone;
    }

    /// <summary>
    /// Callers in a closed loop, each on conversations of its own (a conversation is one writer's,
    /// as a grain makes it): caller c takes conversations c, c + callers, … at random.
    /// </summary>
    public Task<LoopResult> RunAsync(int callers, TimeSpan warmup, TimeSpan duration, bool hot)
    {
        var oneConversation = new SemaphoreSlim(1);
        return ClosedLoop.RunAsync(callers, warmup, duration, async caller =>
        {
            if (hot)
            {
                // One conversation: one write at a time, as one activation would without pipelining.
                await oneConversation.WaitAsync();
                try
                {
                    await NoteAsync(0);
                }
                finally
                {
                    oneConversation.Release();
                }

                return;
            }

            var mine = (ids.Length - 1 - caller) / callers + 1;
            await NoteAsync(caller + callers * Random.Shared.Next(mine));
        });
    }

    public ValueTask DisposeAsync() => commits.DisposeAsync();

    private async Task NoteAsync(int i)
    {
        var state = states[i];
        var document = state.State!;
        var before = document.State;
        var note = new AddNote("note-" + Guid.NewGuid().ToString("N"), new AgentRef("agent-bench", "Bench Agent"), "a note");
        var events = rules.Decide(before, note, DateTimeOffset.UtcNow).Events;
        var after = events.Aggregate(before, rules.Apply);
        var sequence = before.Sequence;
        document.State = after;
        document.Turn = new ConversationTurn([.. events.Select(e => new SequencedEvent(e, ++sequence))], [note.IdempotencyKey!], ConversationTimers.NextDueAt(after));
        await storage.WriteStateAsync("conversation", ids[i], state);
    }
}
