using Npgsql;
using Switchboard.Benchmarks.Reporting;
using Switchboard.Testing;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// Webhook → agent's screen. Signed webhooks at fixed rates go to the yardstick and to the
/// product (one Api node, then two taken in turn, silos running); the official SignalR client in
/// Node is the screen, and a message's latency is when it showed there − when it was meant to be
/// sent. Each rate runs on the yardstick and on the product back to back, so both see the same
/// machine; then each side's highest sustained rate is searched.
/// </summary>
public static class InboundBenchmark
{
    public static async Task RunAsync(BenchOptions options, ResultTable table)
    {
        ServerPool.Extra = options.PostgresOptions;
        var customers = BenchChannel.Customers(options.Customers);
        Console.WriteLine($"inbound: {string.Join(", ", options.Rates)} msg/s, {options.Warmup} s warm-up + {options.Duration} s, {options.Customers} customers");
        table.Setup("inbound", $"rates {string.Join(", ", options.Rates)} msg/s, each {options.Warmup} s warm-up + {options.Duration} s measured; one text message per signed webhook, "
            + $"spread over {options.Customers} customers (conversations); open-loop sender, latency from the intended send time; "
            + $"highest sustained rate by {options.Probe} s probes (nothing lost, no errors, p99 ≤ {options.SustainP99Ms:0} ms, median not climbing by more than {RunResult.MaxGrowthMs:0} ms through the probe); "
            + $"every server process: Production environment, its own appsettings.json, pool of {ServerPool.MaxPoolSize} connections"
            + (options.PostgresOptions.Length > 0 ? $", connection string + \"{options.PostgresOptions}\"" : ""));

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
        var run = new FixedRateRun(new OpenLoopSender(http, BenchChannel.Bodies));
        await using var admin = NpgsqlDataSource.Create(TestEnvironment.PostgresAdminConnectionString);

        Console.WriteLine("  starting the yardstick and the product (Api A, 2 silos)…");
        await using var yardstickServer = await YardstickServer.StartAsync(BenchChannel.AppSecret);
        await using var product = await ProductCluster.StartAsync();
        await using var yardstickScreen = await Receiver.ConnectAsync(yardstickServer.Hub, null);
        await using var productScreen = await Receiver.ConnectAsync(new Uri(product.ApiA.BaseAddress, "/hubs/inbox"), product.Cookie);
        table.Setup("Clock check", $"receiver − sender clock offset {yardstickScreen.ClockOffsetMs:0.00} ms (yardstick screen), {productScreen.ClockOffsetMs:0.00} ms (product screen), pipe latency included");

        var yardstick = new InboundSystem("yardstick", [yardstickServer.WebhookTarget], yardstickScreen, [yardstickServer.Process],
            new PostgresCpu(admin, yardstickServer.Database.Name));
        var productOne = new InboundSystem("product, 1 Api", product.WebhookTargets, productScreen, product.Servers, new PostgresCpu(admin, product.Database.Name), product.Database.DataSource);
        await OpenConversationsAsync(run, productOne, product.ConversationIdsAsync, customers);

        var comparison = new InboundComparison(options, table, run, yardstick, customers);
        await comparison.RatesAsync(productOne, "1 Api");
        await comparison.MaxRateAsync(productOne, "1 Api");

        Console.WriteLine("  starting Api B…");
        await product.StartSecondApiAsync();
        var productTwo = productOne with { Name = "product, 2 Api", WebhookTargets = product.WebhookTargets, Servers = product.Servers };
        await comparison.RatesAsync(productTwo, "2 Api");
        await comparison.MaxRateAsync(productTwo, "2 Api");
    }

    /// <summary>
    /// Each customer writes once so their conversation exists, and the screen watches them all:
    /// the product pushes <c>messageCreated</c> to a conversation's watchers (the tenant only gets
    /// coalesced snapshots), which is what lets every message be counted.
    /// </summary>
    public static async Task OpenConversationsAsync(FixedRateRun run, InboundSystem product, Func<Task<IReadOnlyList<string>>> conversationIds, IReadOnlyList<string> customers)
    {
        var opening = product with { Name = "opening", ProductDatabase = null };
        await run.RunAsync(opening, 100, TimeSpan.Zero, TimeSpan.FromSeconds(customers.Count / 100.0), customers, TimeSpan.FromSeconds(1));
        var ids = await Eventually.ValueAsync(conversationIds, ids => ids.Count >= customers.Count, TimeSpan.FromSeconds(60), "every customer's conversation");
        await product.Screen.WatchAsync(ids);
        Console.WriteLine($"  {ids.Count} conversations opened and watched");
    }
}
