using System.Net;
using System.Text;
using System.Text.Json;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Channels.WhatsApp.Errors;

namespace Switchboard.Channels.WhatsApp.Tests.Client;

/// <summary>
/// Answers the emulator does not give but Meta (or something between) can: gateway pages, 200s
/// without a body, documented-but-not-observed field types, rate-limit hints in headers.
/// </summary>
public sealed class GraphResponseReadingTests
{
    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string contentType = "application/json")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        return response;
    }

    private static Task<WhatsAppResult<SentMessage>> ReadSend(HttpResponseMessage response) =>
        GraphResponseReader.ReadAsync(response, GraphResponses.SentMessage, CancellationToken.None);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public async Task A_200_without_a_message_id_is_an_unknown_outcome_not_a_success()
    {
        var unknown = Assert.IsType<WhatsAppResult<SentMessage>.OutcomeUnknown>(await ReadSend(Answer(HttpStatusCode.OK, """{"messaging_product":"whatsapp","messages":[]}"""))).Unknown;

        Assert.Equal(UnknownOutcomeCause.UnreadableResponse, unknown.Cause);
        Assert.True(unknown.MayHaveReachedProvider);
    }

    [Fact]
    public async Task A_200_that_is_not_json_is_an_unknown_outcome() =>
        Assert.IsType<WhatsAppResult<SentMessage>.OutcomeUnknown>(await ReadSend(Answer(HttpStatusCode.OK, "<html>OK</html>", "text/html")));

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task A_gateway_error_page_is_an_unknown_outcome_because_the_request_may_have_passed(HttpStatusCode status)
    {
        var unknown = Assert.IsType<WhatsAppResult<SentMessage>.OutcomeUnknown>(await ReadSend(Answer(status, "<html><body>Bad gateway</body></html>", "text/html"))).Unknown;

        Assert.Equal((int)status, unknown.HttpStatus);
    }

    [Fact]
    public async Task A_503_without_a_graph_error_is_a_retryable_failure()
    {
        var error = Assert.IsType<WhatsAppResult<SentMessage>.Failure>(await ReadSend(Answer(HttpStatusCode.ServiceUnavailable, ""))).Error;

        Assert.Equal(WhatsAppErrorSource.Http, error.Source);
        Assert.Null(error.Code);
        Assert.True(error.CanRetry);
    }

    [Fact]
    public async Task A_404_without_a_graph_error_is_not_found_as_when_a_media_url_expired()
    {
        var error = Assert.IsType<WhatsAppResult<SentMessage>.Failure>(await ReadSend(Answer(HttpStatusCode.NotFound, ""))).Error;

        Assert.Equal(WhatsAppErrorCategory.NotFound, error.Category);
        Assert.False(error.CanRetry);
    }

    [Fact]
    public async Task A_graph_error_keeps_every_field_meta_sent()
    {
        const string body = """
            {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_subcode":2388003,
             "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
             "is_transient":false,"error_user_title":"Outside window","error_user_msg":"Send a template.","fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam","unknown_future_field":1}}
            """;

        var error = Assert.IsType<WhatsAppResult<SentMessage>.Failure>(await ReadSend(Answer(HttpStatusCode.BadRequest, body))).Error;

        Assert.Equal(
            new WhatsAppError(
                WhatsAppErrorSource.Provider, 131047, "(#131047) Re-engagement message", WhatsAppErrorCategory.WindowClosed, error.Retry,
                "Re-engagement message", 2388003, "OAuthException",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
                "Az8or2yhqkZfEZ-_4Qn_Bam", 400, false, "Outside window", "Send a template."),
            error);
        Assert.Equal(new Grains.Messages.ProviderError(131047, "Re-engagement message", error.Details), error.ToProviderError());
    }

    [Fact]
    public async Task A_graph_error_code_sent_as_a_string_is_still_classified()
    {
        var error = Assert.IsType<WhatsAppResult<SentMessage>.Failure>(await ReadSend(Answer(HttpStatusCode.BadRequest, """{"error":{"message":"(#131056) pair rate limit hit","code":"131056"}}"""))).Error;

        Assert.Equal(WhatsAppErrorCategory.PairRateLimited, error.Category);
    }

    [Fact]
    public async Task Retry_after_raises_the_first_retry_delay()
    {
        var response = Answer(HttpStatusCode.BadRequest, """{"error":{"message":"(#130429) Rate limit hit","code":130429,"error_subcode":2494055}}""");
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));

        var error = Assert.IsType<WhatsAppResult<SentMessage>.Failure>(await ReadSend(response)).Error;

        Assert.Equal(TimeSpan.FromSeconds(30), error.Retry.DelayBefore(2));
    }

    [Fact]
    public async Task A_retry_after_date_counts_from_the_answers_own_date_whatever_our_clock_says()
    {
        var response = Answer(HttpStatusCode.BadRequest, """{"error":{"message":"(#130429) Rate limit hit","code":130429,"error_subcode":2494055}}""");
        var answeredAt = new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero);
        response.Headers.Date = answeredAt;
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(answeredAt.AddSeconds(45));

        var error = Assert.IsType<WhatsAppResult<SentMessage>.Failure>(await ReadSend(response)).Error;

        Assert.Equal(TimeSpan.FromSeconds(45), error.Retry.DelayBefore(2));
    }

    [Fact]
    public async Task The_usage_header_s_time_to_regain_access_raises_the_first_retry_delay()
    {
        var response = Answer(HttpStatusCode.BadRequest, """{"error":{"message":"(#4) Application request limit reached","code":4}}""");
        response.Headers.TryAddWithoutValidation("x-business-use-case-usage", """{"114503234599312":[{"type":"whatsapp","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":15}]}""");

        var error = Assert.IsType<WhatsAppResult<SentMessage>.Failure>(await ReadSend(response)).Error;

        Assert.Equal(WhatsAppErrorCategory.ApiRateLimited, error.Category);
        Assert.Equal(TimeSpan.FromMinutes(15), error.Retry.DelayBefore(2));
    }

    [Fact]
    public void A_send_answer_with_fields_this_client_does_not_know_still_gives_the_wamid_and_status()
    {
        var sent = GraphResponses.SentMessage(Json("""
            {"messaging_product":"whatsapp","contacts":[{"input":"13437772910","wa_id":"13437772910","user_id":"US.1"}],
             "messages":[{"id":"wamid.HBgLMTM0Mzc3NzI5MTAVAgARGBI2REE3M0I0NEYzQjM1NkI2MDcA","message_status":"accepted","group_id":null}],"new_thing":{}}
            """));

        Assert.Equal(new SentMessage("wamid.HBgLMTM0Mzc3NzI5MTAVAgARGBI2REE3M0I0NEYzQjM1NkI2MDcA", "accepted", "13437772910", "13437772910"), sent);
    }

    [Fact]
    public void Media_info_accepts_the_documented_string_file_size_and_a_base64_sha256()
    {
        var info = GraphResponses.MediaInfo(Json("""
            {"messaging_product":"whatsapp","url":"https:\/\/lookaside.fbsbx.com\/whatsapp_business\/attachments\/?mid=1","mime_type":"image/jpeg",
             "sha256":"SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=","file_size":"303833","id":"1003383421387256"}
            """), "1003383421387256");

        Assert.NotNull(info);
        Assert.Equal(303833, info.FileSize);
        Assert.Equal(Convert.ToHexStringLower(Convert.FromBase64String("SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=")), info.Sha256);
        Assert.Equal("lookaside.fbsbx.com", info.Url.Host);
    }

    [Fact]
    public void Media_info_accepts_the_observed_number_file_size_and_a_hex_sha256()
    {
        var info = GraphResponses.MediaInfo(Json("""
            {"messaging_product":"whatsapp","url":"https://lookaside.fbsbx.com/x","mime_type":"image/png",
             "sha256":"C86C28D437534F7367E73B283155C083DDDFDAF7F9B4DFAE27E140F880035141","file_size":182859,"id":"1761991787669262"}
            """), "1761991787669262");

        Assert.NotNull(info);
        Assert.Equal(182859, info.FileSize);
        Assert.Equal("c86c28d437534f7367e73b283155c083dddfdaf7f9b4dfae27e140f880035141", info.Sha256);
    }

    [Fact]
    public void A_template_page_with_cursors_but_no_next_link_is_the_last_page()
    {
        var page = GraphResponses.TemplatePage(Json("""
            {"data":[{"name":"hello_world","parameter_format":"POSITIONAL","components":[{"type":"BODY","text":"Hello"}],"language":"en_US","status":"APPROVED","category":"UTILITY","id":"1"}],
             "paging":{"cursors":{"before":"MAZDZD","after":"MjQZD"}}}
            """));

        Assert.NotNull(page);
        Assert.Null(page.NextCursor);
        Assert.Equal("POSITIONAL", Assert.Single(page.Templates).ParameterFormat);
    }

    [Fact]
    public void A_template_page_with_a_next_link_continues_after_its_cursor()
    {
        var page = GraphResponses.TemplatePage(Json("""
            {"data":[],"paging":{"cursors":{"before":"MAZDZD","after":"MjQZD"},"next":"https://graph.facebook.com/v21.0/102290129340398/message_templates?after=MjQZD"}}
            """));

        Assert.Equal("MjQZD", page?.NextCursor);
    }
}
