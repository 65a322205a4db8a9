using Npgsql;
using Switchboard.Grains.Abstractions;

namespace Switchboard.Runtime.Grains;

/// <summary>
/// Keeps a query table in step with a grain's events, inside the turn's own transaction
/// (so a list or a search never shows a state the grain did not commit). It only adds
/// write commands to the batch; it must not read, and it must not call out.
/// </summary>
public interface IGrainProjection<TState, TEvent>
    where TState : class
    where TEvent : class
{
    void Project(NpgsqlBatch batch, GrainKey key, TState state, IReadOnlyList<CommittedEvent<TEvent>> events);
}
