using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Switchboard.Silo.Hosting;

/// <summary>Where this silo listens for other silos and for clients (Api nodes), and the address it tells them.</summary>
public sealed class SiloEndpointOptions
{
    public const string Section = "Orleans:Endpoints";

    /// <summary>
    /// The address other silos and clients reach this one at: an IP (loopback for one machine) or a
    /// host name resolved at start (a container's service name).
    /// </summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Listen on every interface (in a container) rather than on the advertised address only.</summary>
    public bool ListenOnAnyAddress { get; set; }

    public IPAddress Address => IPAddress.TryParse(AdvertisedAddress, out var address)
        ? address
        : Dns.GetHostAddresses(AdvertisedAddress).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
}
