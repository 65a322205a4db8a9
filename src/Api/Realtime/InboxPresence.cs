using System.Collections.Concurrent;

namespace Switchboard.Api.Realtime;

/// <summary>
/// How many hub connections each tenant has on this node. Every node receives every tenant's
/// events; a node with no one of that tenant connected skips them instead of deserialising
/// them and re-reading snapshots for nobody.
/// </summary>
public sealed class InboxPresence
{
    private readonly ConcurrentDictionary<string, int> connections = new();

    public void Connected(string tenantId) => connections.AddOrUpdate(tenantId, 1, (_, count) => count + 1);

    public void Disconnected(string tenantId)
    {
        if (connections.AddOrUpdate(tenantId, 0, (_, count) => Math.Max(0, count - 1)) == 0)
        {
            connections.TryRemove(KeyValuePair.Create(tenantId, 0));
        }
    }

    public bool HasConnections(string tenantId) => connections.TryGetValue(tenantId, out var count) && count > 0;
}
