namespace Switchboard.Emulator.Customers;

/// <summary>
/// A WhatsApp user as the emulator plays them. <see cref="ReadReceipts"/> off: their phone never sends
/// <c>read</c>. <see cref="OnWhatsApp"/> off: sends to them fail asynchronously with 131026.
/// </summary>
public sealed record CustomerProfile(string WaId, string? Name, bool ReadReceipts = true, bool OnWhatsApp = true)
{
    /// <summary>The profile name webhooks carry; Meta always sends one, so fall back to the number.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? WaId : Name;
}
