namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>Meta answered <c>{"success": true}</c>: the call did what it asked and returns nothing else.</summary>
public sealed record Acknowledged
{
    public static Acknowledged Instance { get; } = new();

    private Acknowledged()
    {
    }
}
