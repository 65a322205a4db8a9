namespace Switchboard.Emulator.Tests.Infrastructure;

/// <summary>A business number registered for one test, with ids nobody else uses.</summary>
public sealed record TestNumber(string PhoneNumberId, string WabaId, string DisplayPhoneNumber, string AccessToken, string AppSecret)
{
    public static TestNumber Create() => new(
        TestIds.Digits(15),
        TestIds.Digits(15),
        "+1 555 " + TestIds.Digits(7),
        "EAAG" + Guid.NewGuid().ToString("N"),
        "secret-" + Guid.NewGuid().ToString("N"));
}

/// <summary>Random ids, so tests sharing an emulator never see each other's numbers or customers.</summary>
public static class TestIds
{
    public static string Digits(int count) =>
        (char)('1' + Random.Shared.Next(9)) + string.Concat(Enumerable.Range(1, count - 1).Select(_ => (char)('0' + Random.Shared.Next(10))));

    /// <summary>A customer's wa_id: 11 digits, like a US number.</summary>
    public static string WaId() => "1" + Digits(10);
}
