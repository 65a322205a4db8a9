namespace Switchboard.Runtime.Grains;

/// <summary>A grain's state as last committed; version 0 means it never handled a command.</summary>
public sealed record GrainSnapshot<TState>(TState State, long Version);
