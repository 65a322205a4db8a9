using Switchboard.Emulator.Numbers;

namespace Switchboard.Emulator.Hosting;

/// <summary>
/// The <c>Emulator</c> configuration section. Numbers listed here are registered at start (and after
/// every reset), e.g. <c>Emulator:Numbers:0:PhoneNumberId=106540352242922</c>, to serve the demo.
/// </summary>
public sealed class EmulatorOptions
{
    public const string SectionName = "Emulator";

    public List<NumberRegistration> Numbers { get; set; } = [];

    /// <summary>
    /// Base of the media download URLs handed out by <c>GET /{version}/{media-id}</c>. Unset: the scheme
    /// and host the request came in on, so the URL points back at this emulator however it is reached.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
