namespace Switchboard.Emulator.Control;

/// <summary>A store that <c>POST /_emulator/reset</c> empties.</summary>
public interface IResettable
{
    void Reset();
}
