namespace Switchboard.Runtime.Work;

/// <summary>The registered routes, indexed for the turn's hot path.</summary>
public sealed class SideEffectRoutes
{
    private readonly Dictionary<(string GrainType, string EventType), string[]> handlers;

    public SideEffectRoutes(IEnumerable<SideEffectRoute> routes)
    {
        handlers = routes
            .GroupBy(r => (r.GrainType, r.EventType))
            .ToDictionary(g => g.Key, g => g.Select(r => r.Handler).Distinct().ToArray());
    }

    public IReadOnlyList<string> HandlersFor(string grainType, string eventType) =>
        handlers.TryGetValue((grainType, eventType), out var found) ? found : [];
}
