using Switchboard.Runtime.Events;

namespace Switchboard.Runtime.Work;

/// <summary>One side effect to perform for one committed event. <see cref="Attempt"/> counts from 1.</summary>
public sealed record WorkItem(long Id, string Handler, int Attempt, EventEnvelope Event);
