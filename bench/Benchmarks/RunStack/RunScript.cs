using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Switchboard.Benchmarks.Inbound;
using Switchboard.Testing;

namespace Switchboard.Benchmarks.RunStack;

/// <summary>
/// What a new user starts: <c>./run</c> itself (its PostgreSQL and Redis, emulator, Api, two silos
/// and demo tenant), on ports of its own and from a fresh data folder, from the builds bench/run
/// made (<c>SKIP_BUILD=1</c>). Stopping it is ./run's own Ctrl-C path (SIGTERM).
/// </summary>
public sealed class RunScript : IAsyncDisposable
{
    // The demo's WhatsApp number and password, as ./run seeds them.
    public const string DemoPhoneNumberId = "100000000000001";
    public const string DemoWabaId = "200000000000001";
    public const string DemoDisplayNumber = "15550100001";
    public const string DemoAppSecret = "demo-app-secret";
    private const string DemoAdmin = "admin@demo.local";
    private const string DemoPassword = "demo-password";
    private const string Banner = "Switchboard is running.";

    private readonly Process run;
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StreamWriter log;

    private RunScript(int port, Process run, StreamWriter log)
    {
        Port = port;
        this.run = run;
        this.log = log;
    }

    public int Port { get; }

    public Uri Api => new($"http://127.0.0.1:{Port}/");

    public Uri WebhookTarget => new(Api, "/webhooks/whatsapp");

    /// <summary>./run's PostgreSQL server (PORT + 20000), as its owner.</summary>
    public string PostgresAdmin => $"Host=127.0.0.1;Port={Port + 20_000};Username=switchboard;Database=postgres";

    public string ProductConnectionString => $"Host=127.0.0.1;Port={Port + 20_000};Username=switchboard;Database=switchboard";

    public static WebhookBodies DemoBodies { get; } = new(DemoPhoneNumberId, DemoWabaId, DemoDisplayNumber, DemoAppSecret);

    public static async Task<RunScript> StartAsync(int port, TimeSpan timeout)
    {
        var root = TestEnvironment.RepositoryRoot;

        // A new user's first start: nothing left from an earlier run on this port (never a ./run still running there).
        var data = Path.Combine(root, ".data", $"run-{port}");
        if (File.Exists(Path.Combine(data, "postgres", "postmaster.pid")))
        {
            throw new InvalidOperationException($"A ./run seems to be running with PORT={port} ({data} is in use); stop it or pick another --run-port.");
        }

        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        var start = new ProcessStartInfo(Path.Combine(root, "run"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["EMULATOR_PORT"] = (port + 1).ToString(CultureInfo.InvariantCulture);
        start.Environment["SKIP_BUILD"] = "1";
        start.Environment["CONFIGURATION"] = TestEnvironment.BuildConfiguration;

        var logs = Path.Combine(root, "artifacts", "bench", "logs");
        Directory.CreateDirectory(logs);
        var log = new StreamWriter(Path.Combine(logs, $"run-{port}.log")) { AutoFlush = true };
        var stack = new RunScript(port, Process.Start(start) ?? throw new InvalidOperationException("Could not start ./run."), log);
        stack.run.OutputDataReceived += (_, e) => stack.OnLine(e.Data);
        stack.run.ErrorDataReceived += (_, e) => stack.OnLine(e.Data);
        stack.run.BeginOutputReadLine();
        stack.run.BeginErrorReadLine();

        var exited = stack.run.WaitForExitAsync();
        if (await Task.WhenAny(stack.started.Task, exited, Task.Delay(timeout)) != stack.started.Task)
        {
            await stack.DisposeAsync();
            throw new InvalidOperationException($"./run did not print \"{Banner}\" within {timeout.TotalSeconds:0} s; see artifacts/bench/logs/run-{port}.log");
        }

        return stack;
    }

    public Task<ConsoleSession> SignInAsync() => ConsoleSession.SignInAsync(Api, DemoAdmin, DemoPassword);

    /// <summary>The Api, both silos and the emulator, as ./run started them.</summary>
    public IReadOnlyList<IServerProcess> Servers() =>
        new[]
        {
            RunStackProcess.Find("api", "Api", Port),
            RunStackProcess.Find("silo-1", "Silo", Port + 11),
            RunStackProcess.Find("silo-2", "Silo", Port + 12),
            RunStackProcess.Find("emulator", "Emulator", Port + 1),
        }.OfType<IServerProcess>().ToList();

    public async ValueTask DisposeAsync()
    {
        if (!run.HasExited)
        {
            // ./run's Ctrl-C path: it stops its processes and servers before it exits.
            using (var kill = Process.Start("kill", ["-TERM", run.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await run.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                run.Kill(entireProcessTree: true);
            }
        }

        run.Dispose();
        await log.DisposeAsync();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }

        if (line.Contains(Banner, StringComparison.Ordinal))
        {
            started.TrySetResult();
        }
    }
}
