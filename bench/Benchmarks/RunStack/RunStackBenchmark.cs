using Npgsql;
using Switchboard.Benchmarks.Inbound;
using Switchboard.Benchmarks.Reporting;

namespace Switchboard.Benchmarks.RunStack;

/// <summary>
/// The inbound benchmark against what a new user starts: <c>./run</c> as it is (demo tenant, its
/// WhatsApp number and app secret, its PostgreSQL and Redis, one Api, two silos, the emulator),
/// driven the same way — signed webhooks to the Api, an admin's SignalR client watching every
/// chat — beside the yardstick on ./run's own PostgreSQL server.
/// </summary>
public static class RunStackBenchmark
{
    public static async Task RunAsync(BenchOptions options, ResultTable table)
    {
        var customers = BenchChannel.Customers(options.Customers);
        Console.WriteLine($"run-stack: ./run on port {options.RunPort}, {string.Join(", ", options.Rates)} msg/s, {options.Customers} customers");
        table.Setup("run-stack", $"./run as a new user starts it (fresh .data/run-{options.RunPort}, SKIP_BUILD=1 over bench/run's Release builds), demo tenant and number; "
            + $"rates {string.Join(", ", options.Rates)} msg/s as in inbound; the yardstick on ./run's PostgreSQL server");

        Console.WriteLine("  starting ./run…");
        await using var stack = await RunScript.StartAsync(options.RunPort, TimeSpan.FromMinutes(5));
        using var session = await stack.SignInAsync();
        await using var admin = NpgsqlDataSource.Create(stack.PostgresAdmin);
        await using var productData = NpgsqlDataSource.Create(stack.ProductConnectionString);
        await using var yardstickServer = await YardstickServer.StartAsync(RunScript.DemoAppSecret, stack.PostgresAdmin);
        await using var yardstickScreen = await Receiver.ConnectAsync(yardstickServer.Hub, null);
        await using var productScreen = await Receiver.ConnectAsync(new Uri(stack.Api, "/hubs/inbox"), session.Cookie);

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
        var run = new FixedRateRun(new OpenLoopSender(http, RunScript.DemoBodies));
        var yardstick = new InboundSystem("yardstick on ./run's PostgreSQL", [yardstickServer.WebhookTarget], yardstickScreen, [yardstickServer.Process],
            new PostgresCpu(admin, yardstickServer.Database.Name));
        var product = new InboundSystem("./run", [stack.WebhookTarget], productScreen, stack.Servers(), new PostgresCpu(admin, "switchboard"), productData);
        await InboundBenchmark.OpenConversationsAsync(run, product, session.ConversationIdsAsync, customers);

        var comparison = new InboundComparison(options, table, run, yardstick, customers);
        await comparison.RatesAsync(product, "./run");
        await comparison.MaxRateAsync(product, "./run");
    }
}
