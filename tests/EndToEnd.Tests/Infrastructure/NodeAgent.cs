using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// An agent's screen as far as real time goes: the official <c>@microsoft/signalr</c> JavaScript
/// client running in Node (SignalRAgent/agent.mjs), connected to one Api node with a session
/// cookie. Every event it receives is kept, timestamped, for the test to wait on.
/// </summary>
public sealed class NodeAgent : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<JsonElement> lines = new();
    private readonly SemaphoreSlim arrived = new(0);
    private int nextRef;

    private NodeAgent(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lines.Enqueue(JsonDocument.Parse(line).RootElement.Clone());
                arrived.Release();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static async Task<NodeAgent> ConnectAsync(Uri apiNode, string sessionCookie)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "EndToEnd.Tests", "SignalRAgent"),
        };
        start.ArgumentList.Add("agent.mjs");
        start.ArgumentList.Add(apiNode.ToString());
        start.ArgumentList.Add(sessionCookie);
        var agent = new NodeAgent(Process.Start(start)!);
        var first = await agent.WaitForAsync(l => l.GetProperty("kind").GetString() is "connected" or "failed", TimeSpan.FromSeconds(20), "the agent to connect");
        if (first.GetProperty("kind").GetString() == "failed")
        {
            throw new InvalidOperationException($"The SignalR agent could not connect: {first}");
        }

        return agent;
    }

    /// <summary>Every server event received so far, oldest first.</summary>
    public IReadOnlyList<(string Name, JsonElement Payload, DateTimeOffset At)> Events =>
        lines.Where(l => l.GetProperty("kind").GetString() == "event")
            .Select(l => (l.GetProperty("name").GetString()!, l.GetProperty("payload"), DateTimeOffset.FromUnixTimeMilliseconds(l.GetProperty("at").GetInt64())))
            .ToList();

    /// <summary>Invokes the hub's <c>Watch</c>; returns the conversation, or throws with the hub's error.</summary>
    public async Task<JsonElement> WatchAsync(string conversationId)
    {
        var result = await CommandAsync("watch", conversationId);
        Assert.True(result.GetProperty("ok").GetBoolean(), $"Watch of {conversationId} failed: {result}");
        return result.GetProperty("value");
    }

    /// <summary>Invokes <c>Watch</c> expecting a refusal; returns the error text.</summary>
    public async Task<string> WatchRefusedAsync(string conversationId)
    {
        var result = await CommandAsync("watch", conversationId);
        Assert.False(result.GetProperty("ok").GetBoolean(), $"Watch of {conversationId} should have been refused: {result}");
        return result.GetProperty("error").GetString()!;
    }

    /// <summary>Waits for a server event by name and condition.</summary>
    public async Task<(JsonElement Payload, DateTimeOffset At)> WaitForEventAsync(string name, Func<JsonElement, bool> matches, TimeSpan timeout)
    {
        var line = await WaitForAsync(
            l => l.GetProperty("kind").GetString() == "event" && l.GetProperty("name").GetString() == name && matches(l.GetProperty("payload")),
            timeout,
            $"event {name}");
        return (line.GetProperty("payload"), DateTimeOffset.FromUnixTimeMilliseconds(line.GetProperty("at").GetInt64()));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        arrived.Dispose();
    }

    /// <summary>Sends a hub call to the agent process and waits for its result line.</summary>
    private async Task<JsonElement> CommandAsync(string cmd, string conversationId)
    {
        var reference = Interlocked.Increment(ref nextRef);
        await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { cmd, id = conversationId, @ref = reference }));
        return await WaitForAsync(l => IsResult(l, reference), TimeSpan.FromSeconds(10), $"the result of {cmd}");
    }

    private static bool IsResult(JsonElement line, int reference) =>
        line.GetProperty("kind").GetString() == "result" && line.TryGetProperty("ref", out var r) && r.GetInt32() == reference;

    private async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> matches, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = lines.FirstOrDefault(matches);
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The SignalR agent exited while waiting for {what}.");
            }

            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {what} within {timeout.TotalSeconds} s. Received: {string.Join('\n', lines.Select(l => l.ToString()))}");
            }
        }
    }
}
