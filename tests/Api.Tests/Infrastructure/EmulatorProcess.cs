using System.Net.Http.Json;
using Switchboard.Testing;

namespace Switchboard.Api.Tests.Infrastructure;

/// <summary>
/// The WhatsApp Cloud API emulator as a child process (built by ./test, or <c>dotnet build src/Emulator</c>),
/// with a client for its control API. One per test class; numbers registered per test keep tests apart.
/// </summary>
public sealed class EmulatorProcess : IAsyncLifetime
{
    private ServiceProcess? process;

    public Uri BaseAddress => process?.BaseAddress ?? throw new InvalidOperationException("The emulator has not started.");

    public HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        process = await ServiceProcess.StartAsync("Emulator", new Dictionary<string, string>());
        Control = new HttpClient { BaseAddress = process.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>
    /// Registers a number whose templates stay in review for <paramref name="templateApprovalDelayMs"/>
    /// (default: an hour, so the review never finishes during a test). Its webhooks go nowhere.
    /// </summary>
    public async Task RegisterNumberAsync(ChannelSeeds.ChannelSecrets number, int templateApprovalDelayMs = 3_600_000)
    {
        var response = await Control.PostAsJsonAsync("/_emulator/numbers", new
        {
            phoneNumberId = number.PhoneNumberId,
            wabaId = number.WabaId,
            displayPhoneNumber = "15550100",
            accessToken = number.AccessToken,
            appSecret = number.AppSecret,
            webhookUrl = "http://127.0.0.1:9/webhooks/whatsapp",
            templateApprovalDelayMs,
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The templates the emulator holds for a business account.</summary>
    public async Task<IReadOnlyList<EmulatedTemplate>> TemplatesAsync(string wabaId) =>
        await Control.GetFromJsonAsync<List<EmulatedTemplate>>($"/_emulator/templates?wabaId={Uri.EscapeDataString(wabaId)}") ?? [];

    public sealed record EmulatedTemplate(string Id, string Name, string Language, string Status);
}
