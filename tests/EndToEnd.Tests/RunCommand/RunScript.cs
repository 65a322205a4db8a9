using System.Diagnostics;
using System.Text;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.RunCommand;

/// <summary>
/// The README's run command as a newcomer starts it, on ports of its own, from the build the
/// test command made (<c>SKIP_BUILD=1</c>). Its output is kept for failure messages; disposing
/// kills whatever is left and removes its data folder.
/// </summary>
public sealed class RunScript : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunScript(Process process, RunPorts ports, string password)
    {
        this.process = process;
        Ports = ports;
        Password = password;
    }

    public RunPorts Ports { get; }

    public string Password { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string DataFolder => Path.Combine(TestEnvironment.RepositoryRoot, ".data", $"run-{Ports.Api}");

    public static RunScript Start(RunPorts ports)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = TestEnvironment.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("./run");
        var password = "pw-" + Guid.NewGuid().ToString("N")[..12];
        start.Environment["PORT"] = ports.Api.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["EMULATOR_PORT"] = ports.Emulator.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PG_PORT"] = ports.Postgres.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["REDIS_PORT"] = ports.Redis.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DEMO_PASSWORD"] = password;
        start.Environment["OPERATOR_KEY"] = "op-" + Guid.NewGuid().ToString("N");
        start.Environment["CONFIGURATION"] = TestEnvironment.BuildConfiguration;
        start.Environment["SKIP_BUILD"] = "1";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start ./run.");
        var script = new RunScript(process, ports, password);
        process.OutputDataReceived += (_, e) => script.Record(e.Data);
        process.ErrorDataReceived += (_, e) => script.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return script;
    }

    /// <summary>Waits for the "is running" banner; fails with the output if the script exits first.</summary>
    public async Task WaitUntilRunningAsync(TimeSpan timeout)
    {
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(running.Task, exited, Task.Delay(timeout));
        Assert.True(first == running.Task, $"./run did not come up (exited: {process.HasExited}):\n{Output}");
    }

    /// <summary>Sends SIGTERM, as a service manager or Ctrl-C would, and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (line.Contains("Switchboard is running.", StringComparison.Ordinal))
        {
            running.TrySetResult();
        }
    }
}
