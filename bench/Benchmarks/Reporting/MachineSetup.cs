using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;
using StackExchange.Redis;

namespace Switchboard.Benchmarks.Reporting;

/// <summary>
/// What a figure was measured on: CPU, OS, runtimes, server versions and settings, and how
/// busy the machine was. Absolute figures mean little without this; ratios a little more.
/// </summary>
public static class MachineSetup
{
    public static async Task DescribeAsync(ResultTable table, string postgres, string redis)
    {
        table.Setup("CPU", $"{CpuModel()} × {Environment.ProcessorCount} logical");
        table.Setup("OS", $"{OsName()}, kernel {Kernel()}");
        table.Setup(".NET", $"{RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC in the load generator");
        table.Setup("PostgreSQL", await PostgresAsync(postgres));
        table.Setup("Redis", await RedisAsync(redis));
        table.Setup("Node", Run("node", "--version") ?? "not found");
        table.Setup("Load average at start", LoadAverage());
        table.Setup("Busiest processes at start", BusiestProcesses());
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "Linux"
            : RuntimeInformation.OSDescription;

    private static string Kernel() =>
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.VersionString;

    private static async Task<string> PostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var sql in new[] { "show server_version", "show synchronous_commit", "show fsync", "show wal_sync_method", "show shared_buffers", "show max_connections" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            parts.Add($"{sql[5..]}={await command.ExecuteScalarAsync()}");
        }

        return string.Join(", ", parts);
    }

    private static async Task<string> RedisAsync(string configuration)
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var info = (string)(await redis.GetDatabase().ExecuteAsync("INFO", "server"))!;
        return info.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("redis_version:", StringComparison.Ordinal))?.Replace(':', ' ') ?? "unknown";
    }

    private static string BusiestProcesses()
    {
        var output = Run("ps", "-eo", "pcpu,comm", "--sort=-pcpu", "--no-headers");
        return output is null
            ? "unknown"
            : string.Join(", ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(6).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse()) + " %"));
    }

    private static string? Run(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
