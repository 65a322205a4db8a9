using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Switchboard.Channels.WhatsApp.Webhooks;

namespace Switchboard.Channels.WhatsApp.Tests.Webhooks;

/// <summary>The GET handshake of spec §3.1.</summary>
public sealed class WebhookVerificationTests
{
    private const string VerifyToken = "vibecoding";

    [Theory]
    [InlineData("1158201444")]
    [InlineData("0042")]
    [InlineData("a-random_STRING.with~chars")]
    public void A_subscribe_request_with_the_right_token_echoes_the_challenge_verbatim(string challenge)
    {
        var result = WebhookVerification.Verify(new WebhookVerificationRequest("subscribe", VerifyToken, challenge), VerifyToken);

        Assert.True(result.IsVerified);
        Assert.Equal(challenge, result.Challenge);
    }

    [Fact]
    public void A_wrong_verify_token_is_refused()
    {
        var result = WebhookVerification.Verify(new WebhookVerificationRequest("subscribe", "guess", "1158201444"), VerifyToken);

        Assert.False(result.IsVerified);
        Assert.Null(result.Challenge);
    }

    [Fact]
    public void A_missing_verify_token_is_refused() =>
        Assert.False(WebhookVerification.Verify(new WebhookVerificationRequest("subscribe", null, "1158201444"), VerifyToken).IsVerified);

    [Theory]
    [InlineData("unsubscribe")]
    [InlineData("Subscribe")]
    [InlineData(null)]
    public void A_mode_other_than_subscribe_is_refused(string? mode) =>
        Assert.False(WebhookVerification.Verify(new WebhookVerificationRequest(mode, VerifyToken, "1158201444"), VerifyToken).IsVerified);

    [Fact]
    public void A_request_without_a_challenge_is_refused() =>
        Assert.False(WebhookVerification.Verify(new WebhookVerificationRequest("subscribe", VerifyToken, null), VerifyToken).IsVerified);

    [Fact]
    public void The_request_is_read_from_meta_s_query_string()
    {
        var query = new QueryCollection(QueryHelpers.ParseQuery("?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=vibecoding"));

        var request = WebhookVerificationRequest.FromQuery(query);

        Assert.Equal(new WebhookVerificationRequest("subscribe", VerifyToken, "1158201444"), request);
        Assert.DoesNotContain(VerifyToken, request.ToString(), StringComparison.Ordinal);
    }
}
