namespace Switchboard.Channels.WhatsApp.Tests.Emulator;

/// <summary>
/// Waits for a condition the emulator makes true in the background (a webhook delivered, a hung send
/// processed). Polls briefly; fails with what it was waiting for.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    public static Task<T> ValueAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null) where T : class =>
        ValueAsync(() => Task.FromResult(probe()), what, timeout);

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            try
            {
                await Task.Delay(Interval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
        }
    }
}
