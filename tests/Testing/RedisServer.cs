using System.Diagnostics;
using System.Net.Sockets;

namespace Switchboard.Testing;

/// <summary>
/// A private redis-server on a loopback port, for tests that take Redis away and bring it back
/// (the shared test Redis must stay up for everyone else).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort.Next());
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts it (again) on the same port, empty, and waits until it answers.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.BeginOutputReadLine();
        await Eventually.TrueAsync(() => Task.FromResult(Answers()), TimeSpan.FromSeconds(10), $"redis-server on port {Port}");
    }

    /// <summary>Kills it outright, as a crash or <c>shutdown nosave</c> would leave it.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    /// <summary>Disconnects every pub/sub client (<c>CLIENT KILL TYPE pubsub</c>); returns how many.</summary>
    public async Task<int> KillSubscribersAsync()
    {
        var start = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "CLIENT", "KILL", "TYPE", "pubsub" })
        {
            start.ArgumentList.Add(argument);
        }

        using var cli = Process.Start(start)!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return int.Parse(output.Trim().Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient("127.0.0.1", Port);
            using var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[7];
            return stream.Read(buffer) > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
