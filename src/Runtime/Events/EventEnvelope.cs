using System.Text.Json;

namespace Switchboard.Runtime.Events;

/// <summary>
/// A committed grain event as it travels after the turn: on the event bus to the Api
/// nodes, and inside work rows to side-effect handlers. <see cref="Sequence"/> is the
/// grain's gap-free event number, so a receiver can spot a missed event and re-sync.
/// </summary>
public sealed record EventEnvelope(
    Guid EventId,
    string TenantId,
    string GrainType,
    string GrainKey,
    long Sequence,
    string Type,
    DateTimeOffset OccurredAt,
    JsonElement Payload);
