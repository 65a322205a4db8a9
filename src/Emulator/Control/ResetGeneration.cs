namespace Switchboard.Emulator.Control;

/// <summary>
/// A token cancelled by the next <c>POST /_emulator/reset</c> (or at shutdown). Work scheduled for later —
/// status webhooks, retries, template reviews — runs under it, so nothing from before a reset leaks into
/// the test after it. Separate from <see cref="EmulatorReset"/> because stores that schedule work are
/// themselves reset.
/// </summary>
public sealed class ResetGeneration(IHostApplicationLifetime lifetime) : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _current = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);

    public CancellationToken Token
    {
        get
        {
            lock (_gate)
            {
                return _current.Token;
            }
        }
    }

    /// <summary>Cancels the current generation and starts the next.</summary>
    public void Advance()
    {
        CancellationTokenSource previous;
        lock (_gate)
        {
            previous = _current;
            _current = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        }
        // Cancel before disposing: a token read just before the swap then reports cancellation
        // instead of registering on a disposed source.
        previous.Cancel();
        previous.Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current.Dispose();
        }
    }
}
