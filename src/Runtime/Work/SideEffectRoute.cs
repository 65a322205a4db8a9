namespace Switchboard.Runtime.Work;

/// <summary>
/// Declares that events of <paramref name="EventType"/> (the event's CLR type name) from
/// grains of <paramref name="GrainType"/> need the side effect <paramref name="Handler"/>.
/// Every node that runs turns must know the routes, because the turn itself writes the
/// work row; only silos need the handler implementations.
/// </summary>
public sealed record SideEffectRoute(string GrainType, string EventType, string Handler);
