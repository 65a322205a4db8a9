namespace Switchboard.Emulator.Faults;

/// <summary>Coin flips for the chaos knobs. A rate of 1 always happens and 0 never does, so tests stay deterministic.</summary>
public static class Chance
{
    public static bool Happens(double rate) => rate >= 1 || (rate > 0 && Random.Shared.NextDouble() < rate);

    public static T Pick<T>(IReadOnlyList<T> items) => items[Random.Shared.Next(items.Count)];
}
