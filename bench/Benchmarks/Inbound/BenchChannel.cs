namespace Switchboard.Benchmarks.Inbound;

/// <summary>The one WhatsApp number both sides receive for, and the customers writing to it.</summary>
public static class BenchChannel
{
    public const string PhoneNumberId = "109000000000777";
    public const string WabaId = "209000000000777";
    public const string DisplayPhoneNumber = "15550107777";
    public const string AppSecret = "bench-app-secret";

    public static WebhookBodies Bodies { get; } = new(PhoneNumberId, WabaId, DisplayPhoneNumber, AppSecret);

    public static IReadOnlyList<string> Customers(int count) =>
        Enumerable.Range(0, count).Select(i => $"1555{7_000_000 + i}").ToList();
}
