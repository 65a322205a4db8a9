namespace Switchboard.Emulator.Control;

/// <summary>
/// <c>POST /_emulator/reset</c>: cancels work scheduled before the reset and empties every store; numbers
/// from configuration are registered again.
/// </summary>
public sealed class EmulatorReset(IEnumerable<IResettable> stores, ResetGeneration generation)
{
    public void Reset()
    {
        generation.Advance();
        foreach (var store in stores)
        {
            store.Reset();
        }
    }
}
