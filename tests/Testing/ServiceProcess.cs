using System.Diagnostics;

namespace Switchboard.Testing;

/// <summary>
/// One of our processes (Api, Silo, Emulator) started from its build as a child process on a
/// loopback port, as ./run starts it. Output goes to a log file under artifacts/ for when a
/// test fails; disposing kills it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ServiceProcess(string project, string name, Process process, StreamWriter log, int port, IReadOnlyDictionary<string, string> settings)
    {
        Project = project;
        Name = name;
        this.process = process;
        this.log = log;
        Port = port;
        Settings = settings;
    }

    /// <summary>Which of our processes it is: Api, Silo or Emulator.</summary>
    public string Project { get; }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The settings it was started with, so a restart is the same node again.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => process.HasExited;

    /// <summary>Starts <c>src/{project}</c>'s build with these settings (as environment variables, <c>Section__Key</c>).</summary>
    public static async Task<ServiceProcess> StartAsync(string project, IReadOnlyDictionary<string, string> settings, string? name = null, int? port = null, string readyPath = "/healthz")
    {
        name ??= project.ToLowerInvariant();
        var listenPort = port ?? FreePort.Next();
        var assembly = TestEnvironment.ProcessAssembly(project);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // The build folder is the content root, so the process reads its own appsettings.json.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{listenPort}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var logDirectory = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "process-logs");
        Directory.CreateDirectory(logDirectory);
        var log = new StreamWriter(Path.Combine(logDirectory, $"{name}-{listenPort}.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {project}.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(project, name, process, log, listenPort, settings);
        await service.WaitUntilAnswersAsync(readyPath, TimeSpan.FromSeconds(60));
        return service;
    }

    public async Task WaitUntilAnswersAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}; see artifacts/process-logs/{Name}-{Port}.log");
            }

            try
            {
                return (await http.GetAsync(path)).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, timeout, $"{Name} to answer {path}");
    }

    /// <summary>SIGKILL: the process dies without shutting down, as in a crash.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        await log.DisposeAsync();
    }
}
