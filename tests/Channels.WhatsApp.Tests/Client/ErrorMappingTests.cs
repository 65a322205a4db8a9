using System.Net;
using System.Net.Sockets;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Channels.WhatsApp.Errors;
using Switchboard.Channels.WhatsApp.Tests.Emulator;
using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Tests.Client;

/// <summary>Meta's synchronous errors become classified failures; silence and broken connections become unknown outcomes.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class ErrorMappingTests(EmulatorHost host)
{
    private static OutboundMessage Text(string customer) => new("+" + customer, new TextContent("Hello"));

    private static WhatsAppError Failed(WhatsAppResult<SentMessage> result) =>
        Assert.IsType<WhatsAppResult<SentMessage>.Failure>(result).Error;

    [Fact]
    public async Task A_free_form_send_after_the_window_closed_fails_with_131047_window_closed()
    {
        var number = await host.RegisterNumberAsync(new { windowFailureMode = "sync" });

        var error = Failed(await host.Client.SendAsync(number.Credentials, Text(EmulatorHost.NewCustomer())));

        Assert.Equal(131047, error.Code);
        Assert.Equal(WhatsAppErrorCategory.WindowClosed, error.Category);
        Assert.False(error.CanRetry);
        Assert.Equal(RetryScope.Recipient, error.Retry.Scope);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal(WhatsAppErrorSource.Provider, error.Source);
        Assert.Equal("Re-engagement message", error.Title);
        Assert.StartsWith("Message failed to send because more than 24 hours", error.Details, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.FbTraceId));
    }

    [Fact]
    public async Task Sending_faster_than_the_number_s_throughput_fails_with_130429_retryable_for_the_number()
    {
        var number = await host.RegisterNumberAsync(new { throughputPerSecond = 1 });
        var customer = EmulatorHost.NewCustomer();
        await host.Control.CustomerWritesAsync(number, customer);

        var results = new List<WhatsAppResult<SentMessage>>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await host.Client.SendAsync(number.Credentials, new OutboundMessage("+" + EmulatorHost.NewCustomer(), new TextContent("promo"))));
        }

        var error = results.Select(r => r.ErrorOrNull).First(e => e is not null)!;
        Assert.Equal(130429, error.Code);
        Assert.Equal(2494055, error.Subcode);
        Assert.Equal(WhatsAppErrorCategory.ThroughputLimited, error.Category);
        Assert.True(error.CanRetry);
        Assert.Equal(RetryScope.PhoneNumber, error.Retry.Scope);
    }

    [Fact]
    public async Task A_second_message_to_the_same_customer_too_soon_fails_with_131056_retryable_after_6_seconds()
    {
        var number = await host.RegisterNumberAsync(new { pairRateBurst = 1 });
        var customer = EmulatorHost.NewCustomer();
        await host.Control.CustomerWritesAsync(number, customer);

        Assert.True((await host.Client.SendAsync(number.Credentials, Text(customer))).IsSuccess);
        var error = Failed(await host.Client.SendAsync(number.Credentials, Text(customer)));

        Assert.Equal(131056, error.Code);
        Assert.Equal(WhatsAppErrorCategory.PairRateLimited, error.Category);
        Assert.True(error.CanRetry);
        Assert.Equal(RetryScope.Recipient, error.Retry.Scope);
        Assert.True(error.Retry.DelayBefore(2) >= TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task A_template_that_does_not_exist_fails_with_132001_template_not_found()
    {
        var number = await host.RegisterNumberAsync();

        var error = Failed(await host.Client.SendAsync(number.Credentials, new OutboundMessage("+" + EmulatorHost.NewCustomer(), new TemplateContent("no_such_template", "en_US", TemplateParameters.None))));

        Assert.Equal(132001, error.Code);
        Assert.Equal(404, error.HttpStatus);
        Assert.Equal(WhatsAppErrorCategory.TemplateNotFound, error.Category);
        Assert.False(error.CanRetry);
    }

    [Fact]
    public async Task A_template_with_too_few_values_fails_with_132000_params_mismatch()
    {
        var number = await host.RegisterNumberAsync();
        await host.Control.SeedTemplateAsync(number, SeededTemplates.OrderUpdate);

        var error = Failed(await host.Client.SendAsync(number.Credentials, new OutboundMessage(
            "+" + EmulatorHost.NewCustomer(),
            new TemplateContent("order_update", "en_US", new TemplateParameters(Body: ["only one"], Header: new TemplateHeaderParameter("A-1"))))));

        Assert.Equal(132000, error.Code);
        Assert.Equal(WhatsAppErrorCategory.TemplateParamsMismatch, error.Category);
        Assert.False(error.CanRetry);
    }

    [Fact]
    public async Task A_wrong_access_token_fails_with_190_unauthorized()
    {
        var number = await host.RegisterNumberAsync();

        var error = Failed(await host.Client.SendAsync(number.Credentials with { AccessToken = "expired-token" }, Text(EmulatorHost.NewCustomer())));

        Assert.Equal(190, error.Code);
        Assert.Equal(WhatsAppErrorCategory.Unauthorized, error.Category);
        Assert.Equal(RetryScope.Account, error.Retry.Scope);
        Assert.False(error.CanRetry);
    }

    [Fact]
    public async Task An_unknown_phone_number_id_fails_with_100_invalid_request_and_subcode_33()
    {
        var number = await host.RegisterNumberAsync();

        var error = Failed(await host.Client.SendAsync(number.Credentials with { PhoneNumberId = "123123" }, Text(EmulatorHost.NewCustomer())));

        Assert.Equal(100, error.Code);
        Assert.Equal(33, error.Subcode);
        Assert.Equal("GraphMethodException", error.Type);
        Assert.Equal(WhatsAppErrorCategory.InvalidRequest, error.Category);
        Assert.False(error.CanRetry);
    }

    [Theory]
    [InlineData(131000, true, WhatsAppErrorCategory.ProviderUnavailable)]
    [InlineData(131016, true, WhatsAppErrorCategory.ProviderUnavailable)]
    [InlineData(131057, true, WhatsAppErrorCategory.ProviderUnavailable)]
    [InlineData(133004, true, WhatsAppErrorCategory.ProviderUnavailable)]
    [InlineData(2, true, WhatsAppErrorCategory.ProviderUnavailable)]
    [InlineData(1, true, WhatsAppErrorCategory.ProviderUnavailable)]
    [InlineData(4, true, WhatsAppErrorCategory.ApiRateLimited)]
    [InlineData(80007, true, WhatsAppErrorCategory.ApiRateLimited)]
    [InlineData(131026, false, WhatsAppErrorCategory.Undeliverable)]
    [InlineData(131048, false, WhatsAppErrorCategory.SpamRateLimited)]
    [InlineData(368, false, WhatsAppErrorCategory.AccountRestricted)]
    [InlineData(132015, false, WhatsAppErrorCategory.TemplateRejected)]
    [InlineData(131053, false, WhatsAppErrorCategory.MediaOrTypeRejected)]
    public async Task An_injected_provider_error_is_classified_by_its_code(int code, bool retryable, WhatsAppErrorCategory category)
    {
        var number = await host.RegisterNumberAsync();
        await host.Control.SetFaultsAsync(number, new { failureRate = 1.0, failureCodes = new[] { code }, failureMode = "sync" });

        var error = Failed(await host.Client.SendAsync(number.Credentials, Text(EmulatorHost.NewCustomer())));

        Assert.Equal(code, error.Code);
        Assert.Equal(retryable, error.CanRetry);
        Assert.Equal(category, error.Category);
    }

    [Fact]
    public async Task A_send_that_gets_no_answer_in_time_has_an_unknown_outcome_though_the_provider_processed_it()
    {
        var number = await host.RegisterNumberAsync();
        await host.Control.SetFaultsAsync(number, new { hangSeconds = 2 });
        var client = host.ClientWith(options => options.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var result = await client.SendAsync(number.Credentials, Text(EmulatorHost.NewCustomer()));

        var unknown = Assert.IsType<WhatsAppResult<SentMessage>.OutcomeUnknown>(result).Unknown;
        Assert.Equal(UnknownOutcomeCause.Timeout, unknown.Cause);
        Assert.True(unknown.MayHaveReachedProvider);

        // Why it is "unknown" and not "failed": the emulator, like Meta, went on to send it.
        await Eventually.ValueAsync(async () => (await host.Control.OutboxAsync(number)).FirstOrDefault(), "the hung send to be processed");
    }

    [Fact]
    public async Task A_refused_connection_has_an_unknown_outcome_that_never_reached_the_provider()
    {
        var closedPort = ClosedPort();
        var number = new WhatsAppNumber("106540352242922", "102290129340398", "token", new Uri($"http://127.0.0.1:{closedPort}"), "v21.0");

        var result = await host.Client.SendAsync(number, Text(EmulatorHost.NewCustomer()));

        var unknown = Assert.IsType<WhatsAppResult<SentMessage>.OutcomeUnknown>(result).Unknown;
        Assert.Equal(UnknownOutcomeCause.ConnectionFailed, unknown.Cause);
        Assert.False(unknown.MayHaveReachedProvider);
    }

    [Fact]
    public async Task The_caller_s_own_cancellation_is_not_an_outcome_but_a_cancellation()
    {
        var number = await host.RegisterNumberAsync();
        await host.Control.SetFaultsAsync(number, new { hangSeconds = 2 });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.SendAsync(number.Credentials, Text(EmulatorHost.NewCustomer()), cancellation.Token));
    }

    [Fact]
    public async Task Media_without_a_provider_id_or_link_is_refused_before_anything_is_sent()
    {
        var number = await host.RegisterNumberAsync();

        var error = Failed(await host.Client.SendAsync(number.Credentials, new OutboundMessage("+" + EmulatorHost.NewCustomer(), new ImageContent(new MediaRef(MediaId: "only-in-our-store")))));

        Assert.Equal(WhatsAppErrorSource.Client, error.Source);
        Assert.Equal(WhatsAppErrorCategory.InvalidRequest, error.Category);
        Assert.Null(error.Code);
        Assert.Empty(await host.Control.RequestsAsync(number.PhoneNumberId, "POST", "/messages"));
    }

    [Fact]
    public async Task An_inbound_only_type_is_refused_before_anything_is_sent()
    {
        var number = await host.RegisterNumberAsync();

        var error = Failed(await host.Client.SendAsync(number.Credentials, new OutboundMessage("+" + EmulatorHost.NewCustomer(), new UnsupportedContent("poll_creation"))));

        Assert.Equal(WhatsAppErrorSource.Client, error.Source);
        Assert.Empty(await host.Control.RequestsAsync(number.PhoneNumberId, "POST", "/messages"));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
