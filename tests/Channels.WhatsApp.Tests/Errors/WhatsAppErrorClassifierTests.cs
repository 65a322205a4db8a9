using Switchboard.Channels.WhatsApp.Errors;

namespace Switchboard.Channels.WhatsApp.Tests.Errors;

/// <summary>The retry table of spec §5: which codes a retry can help, when, and what they concern.</summary>
public sealed class WhatsAppErrorClassifierTests
{
    [Theory]
    [InlineData(130429)]
    [InlineData(131056)]
    [InlineData(131000)]
    [InlineData(131016)]
    [InlineData(131057)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(133004)]
    [InlineData(4)]
    [InlineData(80007)]
    public void Transient_and_rate_limit_codes_are_retryable(int code) =>
        Assert.True(WhatsAppErrorClassifier.Classify(code).Retry.CanRetry);

    [Theory]
    [InlineData(131047)]
    [InlineData(131026)]
    [InlineData(131049)]
    [InlineData(131050)]
    [InlineData(131048)]
    [InlineData(131051)]
    [InlineData(131053)]
    [InlineData(132000)]
    [InlineData(132001)]
    [InlineData(132005)]
    [InlineData(132015)]
    [InlineData(132016)]
    [InlineData(100)]
    [InlineData(131008)]
    [InlineData(131009)]
    [InlineData(190)]
    [InlineData(368)]
    [InlineData(131031)]
    [InlineData(133010)]
    [InlineData(470)]
    public void Codes_a_retry_cannot_fix_are_not_retryable(int code) =>
        Assert.False(WhatsAppErrorClassifier.Classify(code).Retry.CanRetry);

    [Fact]
    public void The_pair_rate_limit_is_retried_for_that_recipient_no_sooner_than_6_seconds()
    {
        var retry = WhatsAppErrorClassifier.Classify(131056).Retry;

        Assert.Equal(RetryScope.Recipient, retry.Scope);
        Assert.Equal(TimeSpan.FromSeconds(6), retry.DelayBefore(2));
        Assert.True(retry.DelayBefore(3) > retry.DelayBefore(2));
        Assert.All(Enumerable.Range(2, retry.MaxAttempts - 1), attempt => Assert.True(retry.DelayBefore(attempt) >= TimeSpan.FromSeconds(6)));
    }

    [Fact]
    public void The_throughput_limit_slows_the_whole_number() =>
        Assert.Equal(RetryScope.PhoneNumber, WhatsAppErrorClassifier.Classify(130429).Retry.Scope);

    [Fact]
    public void Maintenance_mode_is_retried_after_about_a_minute() =>
        Assert.Equal(TimeSpan.FromMinutes(1), WhatsAppErrorClassifier.Classify(131057).Retry.DelayBefore(2));

    [Fact]
    public void An_unknown_provider_error_gets_only_a_few_tries()
    {
        var retry = WhatsAppErrorClassifier.Classify(131000).Retry;

        Assert.Equal(3, retry.MaxAttempts);
        Assert.Null(retry.DelayBefore(4));
    }

    [Theory]
    [InlineData(131047, WhatsAppErrorCategory.WindowClosed)]
    [InlineData(470, WhatsAppErrorCategory.WindowClosed)]
    [InlineData(131026, WhatsAppErrorCategory.Undeliverable)]
    [InlineData(132000, WhatsAppErrorCategory.TemplateParamsMismatch)]
    [InlineData(132001, WhatsAppErrorCategory.TemplateNotFound)]
    [InlineData(132015, WhatsAppErrorCategory.TemplateRejected)]
    [InlineData(190, WhatsAppErrorCategory.Unauthorized)]
    [InlineData(100, WhatsAppErrorCategory.InvalidRequest)]
    [InlineData(131050, WhatsAppErrorCategory.OptedOut)]
    [InlineData(368, WhatsAppErrorCategory.AccountRestricted)]
    [InlineData(2388019, WhatsAppErrorCategory.TemplateManagement)]
    public void Codes_map_to_what_they_mean_for_the_product(int code, WhatsAppErrorCategory category) =>
        Assert.Equal(category, WhatsAppErrorClassifier.Classify(code).Category);

    [Fact]
    public void A_closed_window_concerns_the_recipient_and_an_expired_token_the_account()
    {
        Assert.Equal(RetryScope.Recipient, WhatsAppErrorClassifier.Classify(131047).Retry.Scope);
        Assert.Equal(RetryScope.Account, WhatsAppErrorClassifier.Classify(190).Retry.Scope);
    }

    [Fact]
    public void The_same_code_means_the_same_whatever_the_http_status() =>
        Assert.Equal(WhatsAppErrorClassifier.Classify(190, 400), WhatsAppErrorClassifier.Classify(190, 401));

    [Fact]
    public void An_unknown_code_on_a_server_error_is_retried_a_few_times() =>
        Assert.True(WhatsAppErrorClassifier.Classify(999999, 500).Retry.CanRetry);

    [Fact]
    public void An_unknown_code_marked_transient_is_retried_a_few_times() =>
        Assert.True(WhatsAppErrorClassifier.Classify(999999, 400, isTransient: true).Retry.CanRetry);

    [Fact]
    public void An_unknown_code_on_a_client_error_is_not_retried() =>
        Assert.False(WhatsAppErrorClassifier.Classify(999999, 400).Retry.CanRetry);

    [Theory]
    [InlineData(429, true)]
    [InlineData(503, true)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(400, false)]
    public void Without_a_graph_error_only_the_http_status_decides(int status, bool retryable) =>
        Assert.Equal(retryable, WhatsAppErrorClassifier.Classify(null, status).Retry.CanRetry);

    [Fact]
    public void A_longer_hint_from_the_provider_raises_the_first_delay()
    {
        var retry = WhatsAppErrorClassifier.Classify(4).Retry.AtLeast(TimeSpan.FromMinutes(7));

        Assert.Equal(TimeSpan.FromMinutes(7), retry.DelayBefore(2));
    }

    [Fact]
    public void A_hint_does_not_make_a_final_error_retryable() =>
        Assert.False(WhatsAppErrorClassifier.Classify(131047).Retry.AtLeast(TimeSpan.FromMinutes(1)).CanRetry);
}
