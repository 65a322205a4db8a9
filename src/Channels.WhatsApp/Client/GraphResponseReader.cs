using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Channels.WhatsApp.Errors;
using Switchboard.Channels.WhatsApp.Json;

namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>
/// Turns a Graph answer into a typed result: the success body read by the caller's reader, Meta's
/// error envelope into a classified <see cref="WhatsAppError"/>, and answers that say nothing
/// certain (a 200 without the expected body, a gateway error page) into an unknown outcome.
/// </summary>
internal static partial class GraphResponseReader
{
    // Error bodies are small; a proxy's HTML page need not be read whole.
    private const int MaxErrorBodyBytes = 64 * 1024;

    public static async Task<WhatsAppResult<T>> ReadAsync<T>(HttpResponseMessage response, Func<JsonElement, T?> readSuccess, CancellationToken cancellationToken)
        where T : class
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            using var document = await TryParseAsync(response.Content, int.MaxValue, cancellationToken);
            return document is not null && readSuccess(document.RootElement) is { } value
                ? new WhatsAppResult<T>.Success(value)
                : new WhatsAppResult<T>.OutcomeUnknown(new UnknownOutcome(UnknownOutcomeCause.UnreadableResponse, $"HTTP {status} without the expected body", true, status));
        }

        using (var errorDocument = await TryParseAsync(response.Content, MaxErrorBodyBytes, cancellationToken))
        {
            if (errorDocument?.RootElement.Object("error") is { } error)
            {
                return new WhatsAppResult<T>.Failure(ReadGraphError(error, status, RetryHint(response)));
            }
        }

        // 500/502/504 without Meta's envelope come from a gateway that may already have passed the
        // request on, so the outcome is unknown; other statuses say plainly the request was refused.
        if (status is 500 or 502 or 504)
        {
            return new WhatsAppResult<T>.OutcomeUnknown(new UnknownOutcome(UnknownOutcomeCause.UnreadableResponse, $"HTTP {status} without a Graph error", true, status));
        }

        var classification = WhatsAppErrorClassifier.Classify(null, status);
        return new WhatsAppResult<T>.Failure(new WhatsAppError(
            WhatsAppErrorSource.Http,
            null,
            $"HTTP {status} {response.ReasonPhrase}".TrimEnd(),
            classification.Category,
            classification.Retry.AtLeast(RetryHint(response)),
            HttpStatus: status));
    }

    public static WhatsAppError ReadGraphError(JsonElement error, int? httpStatus, TimeSpan? retryHint)
    {
        var code = error.Int32("code");
        var message = error.String("message") ?? "";
        var isTransient = error.Boolean("is_transient");
        var classification = WhatsAppErrorClassifier.Classify(code, httpStatus, isTransient);
        return new WhatsAppError(
            WhatsAppErrorSource.Provider,
            code,
            message,
            classification.Category,
            classification.Retry.AtLeast(retryHint),
            Title: error.String("title") ?? TitleFrom(message),
            Subcode: error.Int32("error_subcode"),
            Type: error.String("type"),
            Details: error.Object("error_data")?.String("details"),
            FbTraceId: error.String("fbtrace_id"),
            HttpStatus: httpStatus,
            IsTransient: isTransient,
            UserTitle: error.String("error_user_title"),
            UserMessage: error.String("error_user_msg"));
    }

    /// <summary>"(#131047) Re-engagement message" → "Re-engagement message"; free-text Graph messages stay as they are.</summary>
    private static string? TitleFrom(string message)
    {
        var match = CodePrefix().Match(message);
        return match.Success ? message[match.Length..].Trim() : message.Length > 0 ? message : null;
    }

    /// <summary>
    /// Retry-After, or Graph's estimated_time_to_regain_access (minutes) from the usage headers.
    /// A Retry-After date counts from the response's own Date, so our clock's skew does not matter.
    /// </summary>
    private static TimeSpan? RetryHint(HttpResponseMessage response)
    {
        TimeSpan? hint = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } when response.Headers.Date is { } answeredAt && date > answeredAt => date - answeredAt,
            _ => null,
        };

        foreach (var header in new[] { "x-business-use-case-usage", "x-app-usage" })
        {
            if (!response.Headers.TryGetValues(header, out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (MaxRegainAccessMinutes(value) is { } minutes && minutes > 0)
                {
                    var fromUsage = TimeSpan.FromMinutes(minutes);
                    hint = hint is { } current && current > fromUsage ? current : fromUsage;
                }
            }
        }

        return hint;
    }

    private static long? MaxRegainAccessMinutes(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            long? max = null;
            Visit(document.RootElement);
            return max;

            void Visit(JsonElement element)
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.Object:
                        if (element.Int64("estimated_time_to_regain_access") is { } minutes)
                        {
                            max = Math.Max(max ?? 0, minutes);
                        }

                        foreach (var property in element.EnumerateObject())
                        {
                            Visit(property.Value);
                        }

                        break;
                    case JsonValueKind.Array:
                        foreach (var item in element.EnumerateArray())
                        {
                            Visit(item);
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<JsonDocument?> TryParseAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            if (maxBytes == int.MaxValue)
            {
                await using var stream = await content.ReadAsStreamAsync(cancellationToken);
                return await JsonDocument.ParseAsync(stream, default, cancellationToken);
            }

            var bytes = await ReadPrefixAsync(content, maxBytes, cancellationToken);
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadPrefixAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[maxBytes];
        var total = 0;
        int read;
        while (total < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return buffer.AsMemory(0, total);
    }

    [GeneratedRegex(@"^\(#\d+\)")]
    private static partial Regex CodePrefix();

    public static bool IsCertainlyNotSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
        || (exception.HttpRequestError == HttpRequestError.ConnectionError
            && exception.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused });
}
