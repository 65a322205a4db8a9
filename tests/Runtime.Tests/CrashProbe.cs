using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Grains.Abstractions;
using Switchboard.Runtime.Grains;
using Switchboard.Testing;

namespace Switchboard.Runtime.Tests;

/// <summary>
/// A child process that runs turns against the test database and then waits to be killed.
/// Its host is never started, so its outbox publisher never runs: every event it commits
/// is committed and unpublished when the process dies — the crash window under test.
/// Entry: <c>dotnet Switchboard.Runtime.Tests.dll crash-probe &lt;connection&gt; &lt;prefix&gt; &lt;turns&gt;</c>.
/// </summary>
public sealed class CrashProbe : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly SemaphoreSlim lineArrived = new(0);

    private CrashProbe(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            lineArrived.Release();
        };
        process.BeginOutputReadLine();
    }

    public static CrashProbe Start(string connectionString, string redisPrefix, int turns)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CrashProbe).Assembly.Location);
        start.ArgumentList.Add("crash-probe");
        start.ArgumentList.Add(connectionString);
        start.ArgumentList.Add(redisPrefix);
        start.ArgumentList.Add(turns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["SWITCHBOARD_TEST_REDIS"] = TestEnvironment.RedisConfiguration;
        return new CrashProbe(Process.Start(start)!);
    }

    public async Task WaitForLineAsync(string line)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            lock (lines)
            {
                if (lines.Contains(line))
                {
                    return;
                }
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The crash probe exited early: {string.Join(Environment.NewLine, lines)}");
            }

            await lineArrived.WaitAsync(timeout.Token);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — a crash.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        lineArrived.Dispose();
    }

    /// <summary>The probe's side, run in the child process.</summary>
    internal static async Task<int> RunAsync(string connectionString, string redisPrefix, int turns)
    {
        await using var node = TestNode.Create(connectionString, redisPrefix);
        var runtime = node.GetRequiredService<GrainRuntime>();
        var key = new GrainKey("tenant-crash", "dies-after-commit");
        for (var i = 1; i <= turns; i++)
        {
            await runtime.SendAsync(node.Counter(), key, new Increment(), CancellationToken.None);
        }

        Console.WriteLine($"committed {turns}");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
