using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;
using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.RunCommand;

/// <summary>
/// The README's first command, end to end: servers, emulator, Api and two silos come up as one
/// Orleans cluster with a demo tenant, the demo works through the emulator alone, a silo killed
/// outright is reported and started again while the cluster keeps serving, and SIGTERM stops
/// everything it started. It needs no shared cluster (the assembly runs its classes one at a time).
/// </summary>
public sealed class When_a_newcomer_runs_the_demo
{
    private const string DemoPhoneNumberId = "100000000000001";

    [Fact]
    public async Task The_demo_comes_up_answers_a_customer_and_stops_everything_on_sigterm()
    {
        await using var run = RunScript.Start(RunPorts.Free());
        await run.WaitUntilRunningAsync(TimeSpan.FromMinutes(3));
        var api = new Uri($"http://127.0.0.1:{run.Ports.Api}/");
        Assert.Contains($"Agent console:      {api}", run.Output);
        Assert.Contains($"admin@demo.local / {run.Password}", run.Output);

        using var http = new HttpClient { BaseAddress = api };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
        Assert.Equal("text/html", (await http.GetAsync("/")).Content.Headers.ContentType?.MediaType);

        using var customers = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{run.Ports.Emulator}/") };
        var emulator = new EmulatorControl(customers, DemoPhoneNumberId);
        var waId = "4477" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        await emulator.CustomerSendsTextAsync(waId, "Hello from the demo");
        using var admin = await ApiSession.SignInAsync(api, "admin@demo.local", run.Password);
        var conversation = await Eventually.ValueAsync(
            async () => (await admin.GetJsonAsync($"/api/v1/conversations?q=%2B{waId}")).GetProperty("items").EnumerateArray().FirstOrDefault(),
            c => c.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(15), "the demo conversation");
        var reply = await admin.PostJsonAsync($"/api/v1/conversations/{conversation.GetProperty("id").GetString()}/messages", new { type = "text", text = "Welcome to the demo" });
        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        await Eventually.TrueAsync(
            async () => (await emulator.OutboxAsync(waId)).Any(m => m.GetProperty("request").GetProperty("text").GetProperty("body").GetString() == "Welcome to the demo"),
            TimeSpan.FromSeconds(15), "the reply on the customer's phone");

        Assert.Equal(2, await ActiveSilosAsync(run));

        KillSilo(run, 1);
        await Eventually.TrueAsync(() => Task.FromResult(run.Output.Contains("silo-1 exited", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "./run to report the dead silo");
        var later = "4478" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        await emulator.CustomerSendsTextAsync(later, "Hello while a silo is down");
        await Eventually.TrueAsync(
            async () => (await admin.GetJsonAsync($"/api/v1/conversations?q=%2B{later}")).GetProperty("items").GetArrayLength() == 1,
            TimeSpan.FromSeconds(60), "the cluster to take a customer's message with one silo dead");
        await Eventually.TrueAsync(async () => await ActiveSilosAsync(run) == 2, TimeSpan.FromSeconds(90), "the restarted silo to rejoin the cluster");

        var exitCode = await run.TerminateAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        foreach (var port in new[] { run.Ports.Api, run.Ports.Emulator, run.Ports.Postgres, run.Ports.Redis }.Concat(run.Ports.SiloPorts))
        {
            await Eventually.TrueAsync(() => Task.FromResult(RunPorts.IsFree(port)), TimeSpan.FromSeconds(10), $"port {port} to be released after ./run stopped:\n{run.Output}");
        }
    }

    /// <summary>Silos the membership table lists as Active (status 3), as Orleans itself reads it.</summary>
    private static async Task<long> ActiveSilosAsync(RunScript run)
    {
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={run.Ports.Postgres};Username=switchboard;Database=switchboard");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from orleansmembershiptable where status = 3", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>SIGKILL to silo <paramref name="n"/>, found by the address ./run gave it.</summary>
    private static void KillSilo(RunScript run, int n)
    {
        using var kill = Process.Start("pkill", ["-KILL", "-f", $"Switchboard.Silo.dll --urls http://127.0.0.1:{run.Ports.Api + 10 + n}"])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
