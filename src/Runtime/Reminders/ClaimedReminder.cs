using Switchboard.Grains.Abstractions;

namespace Switchboard.Runtime.Reminders;

/// <summary>A due reminder a silo has claimed; <see cref="Attempt"/> fences the delivering turn.</summary>
public sealed record ClaimedReminder(string GrainType, GrainKey Key, string Name, DateTimeOffset DueAt, int Attempt);
