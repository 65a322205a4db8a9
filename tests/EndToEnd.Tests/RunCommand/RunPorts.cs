using System.Net;
using System.Net.Sockets;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.RunCommand;

/// <summary>Free loopback ports for every listener ./run starts (the silos take Api+11 and Api+12).</summary>
public sealed record RunPorts(int Api, int Emulator, int Postgres, int Redis)
{
    public static RunPorts Free()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var api = FreePort.Next();
            if (IsFree(api + 11) && IsFree(api + 12))
            {
                return new RunPorts(api, FreePort.Next(), FreePort.Next(), FreePort.Next());
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
