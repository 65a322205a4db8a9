namespace Switchboard.Grains.Abstractions;

/// <summary>
/// A command the grain refuses. <paramref name="Code"/> is stable and becomes the
/// problem-details <c>type</c> at the Api (e.g. <c>window_closed</c>).
/// </summary>
public sealed record Rejection(string Code, string Message, IReadOnlyDictionary<string, object?>? Details = null);
