using Switchboard.Benchmarks;
using Switchboard.Benchmarks.GrainTurns;
using Switchboard.Benchmarks.Inbound;
using Switchboard.Benchmarks.Reporting;
using Switchboard.Benchmarks.RunStack;
using Switchboard.Benchmarks.Timers;
using Switchboard.Testing;

// Load tests of the product, each next to a yardstick measured in the same run (see
// bench/README.md). Prints the setup and the table, and writes them as Markdown.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

// The inbound benchmark starts the Api and Silo from their Release builds, as bench/run makes them.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SWITCHBOARD_BUILD_CONFIGURATION")))
{
    Environment.SetEnvironmentVariable("SWITCHBOARD_BUILD_CONFIGURATION", "Release");
}

var table = new ResultTable();
table.Setup("Run", $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, `{string.Join(' ', args)}`");
await MachineSetup.DescribeAsync(table, TestEnvironment.PostgresAdminConnectionString, TestEnvironment.RedisConfiguration);
Console.WriteLine(table.ToText());

var started = DateTimeOffset.UtcNow;
if (options.Command is "grain-turns" or "all")
{
    await GrainTurnsBenchmark.RunAsync(options, table);
}

if (options.Command is "timers" or "all")
{
    await TimersBenchmark.RunAsync(options, table);
}

if (options.Command is "inbound" or "all")
{
    await InboundBenchmark.RunAsync(options, table);
}

if (options.Command is "run-stack" or "all")
{
    await RunStackBenchmark.RunAsync(options, table);
}

table.Setup("Load average at end", MachineSetup.LoadAverage());
table.Setup("Wall time", Format.Seconds((DateTimeOffset.UtcNow - started).TotalSeconds));

var output = Path.IsPathRooted(options.Output) ? options.Output : Path.Combine(TestEnvironment.RepositoryRoot, options.Output);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, table.ToMarkdown());
Console.WriteLine();
Console.WriteLine(table.ToText());
Console.WriteLine($"Markdown: {output}");
return 0;
