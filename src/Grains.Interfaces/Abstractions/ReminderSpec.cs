namespace Switchboard.Grains.Abstractions;

/// <summary>A durable timer owned by a grain: fires once at <paramref name="DueAt"/> (database clock).</summary>
public sealed record ReminderSpec(string Name, DateTimeOffset DueAt);
