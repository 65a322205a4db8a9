using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Grains.Abstractions;
using Switchboard.Runtime.Hosting;
using Switchboard.Runtime.Work;
using Switchboard.Testing;

namespace Switchboard.Runtime.Tests;

public sealed class When_side_effects_run(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_routed_event_runs_its_handler_once_with_the_event_id()
    {
        var seen = new ConcurrentBag<WorkItem>();
        await using var node = TestNode.Create(database, "work:", services => services
            .AddSideEffectRoute("counter", nameof(Incremented), "record")
            .AddSingleton<IWorkHandler>(new RecordingHandler("record", seen, _ => WorkResult.Done)));
        var key = new GrainKey("tenant-work", "routed");

        var outcome = await node.Runtime().SendAsync(node.Counter(), key, new Increment(), CancellationToken.None);
        while (await node.GetRequiredService<WorkDispatcher>().RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        var item = Assert.Single(seen);
        Assert.Equal(outcome.Events[0].EventId, item.Event.EventId);
        Assert.Equal(1, item.Event.Sequence);
        Assert.Equal(0, await CountAsync("select count(*) from work_items where grain_key = 'routed'"));
    }

    [Fact]
    public async Task A_poison_event_is_moved_aside_after_its_attempts_and_others_keep_flowing()
    {
        var seen = new ConcurrentBag<WorkItem>();
        await using var node = TestNode.Create(
            database,
            "work:",
            services => services
                .AddSideEffectRoute("counter", nameof(Incremented), "picky")
                .AddSingleton<IWorkHandler>(new RecordingHandler("picky", seen, item =>
                    item.Event.GrainKey == "poison" ? throw new FormatException("cannot process this") : WorkResult.Done)),
            new Dictionary<string, string?> { ["Runtime:Work:MaxAttempts"] = "3", ["Runtime:Work:MaxBackoff"] = "00:00:00" });

        await node.Runtime().SendAsync(node.Counter(), new GrainKey("tenant-work", "poison"), new Increment(), CancellationToken.None);
        await node.Runtime().SendAsync(node.Counter(), new GrainKey("tenant-work", "healthy"), new Increment(), CancellationToken.None);
        var dispatcher = node.GetRequiredService<WorkDispatcher>();
        await Eventually.TrueAsync(async () =>
        {
            await dispatcher.RunOnceAsync(CancellationToken.None);
            return await CountAsync("select count(*) from work_items where grain_key = 'poison' and dead_at is not null") == 1;
        }, what: "the poison item to be moved aside");

        Assert.Equal(3, seen.Count(i => i.Event.GrainKey == "poison"));
        Assert.Single(seen, i => i.Event.GrainKey == "healthy");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var error = await connection.ExecuteScalarAsync<string>("select last_error from work_items where grain_key = 'poison'");
        Assert.Contains("cannot process this", error);
    }

    [Fact]
    public async Task A_late_result_from_a_stalled_worker_affects_nothing()
    {
        var seen = new ConcurrentBag<WorkItem>();
        var release = new TaskCompletionSource();
        await using var stalled = TestNode.Create(
            database,
            "work:",
            services => services
                .AddSideEffectRoute("counter", nameof(Incremented), "slow")
                .AddSingleton<IWorkHandler>(new StallingHandler("slow", seen, release.Task)),
            new Dictionary<string, string?> { ["Runtime:Work:Lease"] = "00:00:01" });
        await using var healthy = TestNode.Create(
            database,
            "work:",
            services => services
                .AddSideEffectRoute("counter", nameof(Incremented), "slow")
                .AddSingleton<IWorkHandler>(new RecordingHandler("slow", seen, _ => WorkResult.RetryAfter(TimeSpan.FromHours(1), "second worker ran it"))));
        await stalled.Runtime().SendAsync(stalled.Counter(), new GrainKey("tenant-work", "stall"), new Increment(), CancellationToken.None);

        var stalledRun = stalled.GetRequiredService<WorkDispatcher>().RunOnceAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(seen.Count == 1), what: "the first worker to claim");
        // Its lease lapses; the second worker claims attempt 2 and records its own outcome.
        await Eventually.TrueAsync(async () => await healthy.GetRequiredService<WorkDispatcher>().RunOnceAsync(CancellationToken.None) == 1,
            what: "the lease to lapse and the item to be re-claimed");
        release.SetResult();
        await stalledRun;

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var (attempt, error) = await connection.QuerySingleAsync<(int, string)>("select attempt, last_error from work_items where grain_key = 'stall'");
        Assert.Equal(2, attempt);
        Assert.Equal("second worker ran it", error);
    }

    [Fact]
    public async Task An_in_order_handler_runs_one_grains_items_in_commit_order()
    {
        var order = new ConcurrentQueue<long>();
        await using var node = TestNode.Create(database, "work:", services => services
            .AddSideEffectRoute("counter", nameof(Incremented), "ordered")
            .AddSingleton<IWorkHandler>(new OrderedHandler(order)));
        var key = new GrainKey("tenant-work", "ordered");
        for (var i = 0; i < 20; i++)
        {
            await node.Runtime().SendAsync(node.Counter(), key, new Increment(), CancellationToken.None);
        }

        var dispatcher = node.GetRequiredService<WorkDispatcher>();
        var claims = new List<int>();
        while (order.Count < 20)
        {
            claims.Add(await dispatcher.RunOnceAsync(CancellationToken.None));
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), order);
        Assert.All(claims, c => Assert.True(c <= 1, "one item of the grain at a time"));
    }

    [Fact]
    public async Task A_grains_next_in_order_item_runs_when_the_previous_finishes_not_at_the_next_poll()
    {
        var order = new ConcurrentQueue<long>();
        await using var node = TestNode.Create(
            database,
            "work:",
            services => services
                .AddSideEffectRoute("counter", nameof(Incremented), "ordered")
                .AddSingleton<IWorkHandler>(new OrderedHandler(order)),
            new Dictionary<string, string?> { ["Runtime:Work:PollInterval"] = "00:01:00" });
        var dispatcher = node.GetRequiredService<WorkDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        var key = new GrainKey("tenant-work", "woken");
        for (var i = 0; i < 5; i++)
        {
            await node.Runtime().SendAsync(node.Counter(), key, new Increment(), CancellationToken.None);
        }

        // With a one-minute poll, only notifications and completions can move five items this soon.
        await Eventually.TrueAsync(() => Task.FromResult(order.Count == 5), TimeSpan.FromSeconds(20), "all five items to run");
        await dispatcher.StopAsync(CancellationToken.None);
        Assert.Equal([1L, 2, 3, 4, 5], order);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private sealed class RecordingHandler(string name, ConcurrentBag<WorkItem> seen, Func<WorkItem, WorkResult> result) : IWorkHandler
    {
        public string Name => name;

        public Task<WorkResult> HandleAsync(WorkItem item, CancellationToken cancellationToken)
        {
            seen.Add(item);
            return Task.FromResult(result(item));
        }
    }

    private sealed class StallingHandler(string name, ConcurrentBag<WorkItem> seen, Task release) : IWorkHandler
    {
        public string Name => name;

        public async Task<WorkResult> HandleAsync(WorkItem item, CancellationToken cancellationToken)
        {
            seen.Add(item);
            await release;
            return WorkResult.Done;
        }
    }

    private sealed class OrderedHandler(ConcurrentQueue<long> order) : IWorkHandler
    {
        public string Name => "ordered";

        public bool InOrderPerGrain => true;

        public Task<WorkResult> HandleAsync(WorkItem item, CancellationToken cancellationToken)
        {
            order.Enqueue(item.Event.Sequence);
            return Task.FromResult(WorkResult.Done);
        }
    }
}
