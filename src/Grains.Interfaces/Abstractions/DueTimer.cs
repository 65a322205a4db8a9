namespace Switchboard.Grains.Abstractions;

/// <summary>
/// A durable timer a grain's state wants: fires once at <paramref name="DueAt"/>, by the database's
/// clock. Grains keep no timer objects; the storage indexes their earliest due time and a sweeper
/// wakes them (see <c>IDueTimeSweeperGrain</c>).
/// </summary>
public sealed record DueTimer(string Name, DateTimeOffset DueAt);
