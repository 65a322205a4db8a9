using System.Net;
using System.Net.Sockets;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.RunCommand;

/// <summary>
/// Free loopback ports for every listener ./run starts: silo n takes Api+10+n (health, dashboard),
/// Api+3000+n (other silos) and Api+4000+n (clients).
/// </summary>
public sealed record RunPorts(int Api, int Emulator, int Postgres, int Redis)
{
    public IEnumerable<int> SiloPorts => [Api + 11, Api + 12, Api + 3001, Api + 3002, Api + 4001, Api + 4002];

    public static RunPorts Free()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var api = FreePort.Next();
            var ports = new RunPorts(api, FreePort.Next(), FreePort.Next(), FreePort.Next());
            if (ports.SiloPorts.All(IsFree))
            {
                return ports;
            }
        }

        throw new InvalidOperationException("No free block of ports for ./run.");
    }

    public static bool IsFree(int port)
    {
        if (port > IPEndPoint.MaxPort)
        {
            return false;
        }

        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
