using System.Diagnostics;
using Switchboard.Testing;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// A server process started from its Release build on a loopback port (as ./run starts them),
/// settings passed as environment variables. Its output goes to artifacts/bench/logs; its CPU
/// time is readable so a run can say how much CPU each message cost. Disposing kills it.
/// </summary>
public sealed class ChildProcess : IServerProcess, IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ChildProcess(string name, int port, Process process, StreamWriter log)
    {
        Name = name;
        Port = port;
        this.process = process;
        this.log = log;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.HasExited ? TimeSpan.Zero : process.TotalProcessorTime;
        }
    }

    /// <summary>The Release build of <c>src/{project}</c> (Api, Silo, Emulator) or of <c>bench/{project}</c>.</summary>
    public static string Build(string folder, string project) =>
        Path.Combine(TestEnvironment.RepositoryRoot, folder, project, "bin", TestEnvironment.BuildConfiguration, "net10.0", $"Switchboard.{project}.dll");

    public static async Task<ChildProcess> StartAsync(string name, string assembly, IReadOnlyDictionary<string, string> settings, string readyPath)
    {
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is not built; build Release first (bench/run does).");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // The content root is the working directory: from the build folder, the app's own
            // appsettings.json applies (log levels above all), as where it is deployed.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var logs = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "bench", "logs");
        Directory.CreateDirectory(logs);
        var log = new StreamWriter(Path.Combine(logs, $"{name}-{port}.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var child = new ChildProcess(name, port, process, log);
        await child.WaitUntilReadyAsync(readyPath, TimeSpan.FromSeconds(90));
        return child;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}; see artifacts/bench/logs/{Name}-{Port}.log");
            }

            try
            {
                return (await http.GetAsync(path)).IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, timeout, $"{Name} to answer {path}");
    }
}
