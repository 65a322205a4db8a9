using System.Diagnostics;
using System.Globalization;
using Switchboard.Benchmarks.Inbound;

namespace Switchboard.Benchmarks.RunStack;

/// <summary>
/// A server process <c>./run</c> started (the benchmark did not start it, so it finds it): the
/// <c>dotnet Switchboard.{Project}.dll --urls http://127.0.0.1:{port}</c> command line ./run gives it.
/// </summary>
public sealed class RunStackProcess(string name, int pid) : IServerProcess
{
    public string Name { get; } = name;

    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return process.HasExited ? TimeSpan.Zero : process.TotalProcessorTime;
            }
            catch (ArgumentException)
            {
                return TimeSpan.Zero; // Gone (and ./run started it again under another pid).
            }
        }
    }

    /// <summary>The process serving <paramref name="port"/> from the build of <paramref name="project"/>, if one runs.</summary>
    public static RunStackProcess? Find(string name, string project, int port)
    {
        var dll = $"Switchboard.{project}.dll";
        var urls = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string[] arguments;
            try
            {
                arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
            }
            catch (IOException)
            {
                continue;
            }

            if (arguments.Any(a => a.EndsWith(dll, StringComparison.Ordinal)) && arguments.Contains(urls))
            {
                return new RunStackProcess(name, pid);
            }
        }

        return null;
    }
}
