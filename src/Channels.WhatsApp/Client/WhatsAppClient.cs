using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Channels.WhatsApp.Client.Wire;
using Switchboard.Channels.WhatsApp.Errors;
using Switchboard.Channels.WhatsApp.Json;
using Switchboard.Channels.WhatsApp.Templates;

namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>
/// The WhatsApp Cloud API (Graph) client: sends messages, marks them read, moves media and manages
/// templates. Stateless apart from the pooled HttpClient; every call names the number it acts for,
/// so one instance serves every tenant. Works unchanged against graph.facebook.com and the emulator.
/// </summary>
public sealed class WhatsAppClient(HttpClient http, IOptions<WhatsAppClientOptions> options, ILogger<WhatsAppClient> logger)
{
    private readonly WhatsAppClientOptions _options = options.Value;

    /// <summary>Sends one message: POST /{version}/{phone-number-id}/messages.</summary>
    public Task<WhatsAppResult<SentMessage>> SendAsync(WhatsAppNumber number, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(message);

        var (body, problem) = OutboundMessageMapper.Map(message);
        if (body is null)
        {
            return Task.FromResult<WhatsAppResult<SentMessage>>(new WhatsAppResult<SentMessage>.Failure(ClientError(problem!)));
        }

        return ExecuteAsync(
            "send",
            number,
            () => JsonRequest(HttpMethod.Post, number, Endpoint(number, number.PhoneNumberId, "messages"), body),
            GraphResponses.SentMessage,
            _options.RequestTimeout,
            cancellationToken);
    }

    /// <summary>Marks an inbound message (and the ones before it) read; optionally shows the typing indicator.</summary>
    public Task<WhatsAppResult<Acknowledged>> MarkReadAsync(WhatsAppNumber number, string providerMessageId, bool showTypingIndicator = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentException.ThrowIfNullOrEmpty(providerMessageId);

        var body = new MarkReadRequest(providerMessageId, showTypingIndicator ? new WireTypingIndicator("text") : null);
        return ExecuteAsync(
            "mark-read",
            number,
            () => JsonRequest(HttpMethod.Post, number, Endpoint(number, number.PhoneNumberId, "messages"), body),
            GraphResponses.Acknowledged,
            _options.RequestTimeout,
            cancellationToken);
    }

    /// <summary>
    /// Uploads media as multipart/form-data (messaging_product, file, type — spec §2.1). The stream is
    /// read from its current position and left open.
    /// </summary>
    public Task<WhatsAppResult<UploadedMedia>> UploadMediaAsync(WhatsAppNumber number, Stream content, string fileName, string mimeType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentException.ThrowIfNullOrEmpty(mimeType);

        return ExecuteAsync(
            "upload-media",
            number,
            () =>
            {
                var form = new MultipartFormDataContent();
                form.Add(FormField("messaging_product", "whatsapp"));
                form.Add(FileField(content, fileName, mimeType));
                form.Add(FormField("type", mimeType));
                return Authorized(new HttpRequestMessage(HttpMethod.Post, Endpoint(number, number.PhoneNumberId, "media")) { Content = form }, number);
            },
            GraphResponses.UploadedMedia,
            _options.MediaTransferTimeout,
            cancellationToken);
    }

    /// <summary>Where to download a media object: GET /{version}/{media-id}?phone_number_id=….</summary>
    public Task<WhatsAppResult<MediaInfo>> GetMediaAsync(WhatsAppNumber number, string mediaId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentException.ThrowIfNullOrEmpty(mediaId);

        return ExecuteAsync(
            "get-media",
            number,
            () => Authorized(new HttpRequestMessage(HttpMethod.Get, Endpoint(number, [mediaId], ("phone_number_id", number.PhoneNumberId))), number),
            root => GraphResponses.MediaInfo(root, mediaId),
            _options.RequestTimeout,
            cancellationToken);
    }

    /// <summary>
    /// Downloads media bytes from a URL given by <see cref="GetMediaAsync"/> or a webhook, with the
    /// bearer token, into <paramref name="destination"/> without buffering the whole file.
    /// </summary>
    public async Task<WhatsAppResult<DownloadedMedia>> DownloadMediaAsync(WhatsAppNumber number, Uri url, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(destination);

        if (!MayCarryToken(number, url))
        {
            return new WhatsAppResult<DownloadedMedia>.Failure(ClientError($"Refusing to send the access token to {url.GetLeftPart(UriPartial.Authority)}: not HTTPS and not the number's Graph host."));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.MediaTransferTimeout);
        try
        {
            using var request = Authorized(new HttpRequestMessage(HttpMethod.Get, url), number);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return Logged("download-media", number, await GraphResponseReader.ReadAsync<DownloadedMedia>(response, _ => null, timeout.Token));
            }

            await using var source = await response.Content.ReadAsStreamAsync(timeout.Token);
            var counter = new CountingCopy();
            await counter.CopyAsync(source, destination, timeout.Token);
            return Logged("download-media", number, new WhatsAppResult<DownloadedMedia>.Success(new DownloadedMedia(response.Content.Headers.ContentType?.ToString(), counter.Bytes)));
        }
        catch (Exception exception) when (Unknown(exception, cancellationToken) is { } unknown)
        {
            return Logged("download-media", number, new WhatsAppResult<DownloadedMedia>.OutcomeUnknown(unknown));
        }
    }

    /// <summary>Looks up a media id's URL and downloads it: the usual path for inbound media.</summary>
    public async Task<WhatsAppResult<DownloadedMedia>> DownloadMediaByIdAsync(WhatsAppNumber number, string mediaId, Stream destination, CancellationToken cancellationToken = default)
    {
        var info = await GetMediaAsync(number, mediaId, cancellationToken);
        return info is WhatsAppResult<MediaInfo>.Success success
            ? await DownloadMediaAsync(number, success.Value.Url, destination, cancellationToken)
            : info.WithoutValue<DownloadedMedia>();
    }

    /// <summary>Deletes uploaded media: DELETE /{version}/{media-id}?phone_number_id=….</summary>
    public Task<WhatsAppResult<Acknowledged>> DeleteMediaAsync(WhatsAppNumber number, string mediaId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentException.ThrowIfNullOrEmpty(mediaId);

        return ExecuteAsync(
            "delete-media",
            number,
            () => Authorized(new HttpRequestMessage(HttpMethod.Delete, Endpoint(number, [mediaId], ("phone_number_id", number.PhoneNumberId))), number),
            GraphResponses.Acknowledged,
            _options.RequestTimeout,
            cancellationToken);
    }

    /// <summary>Submits a template for review: POST /{version}/{waba-id}/message_templates.</summary>
    public Task<WhatsAppResult<CreatedTemplate>> CreateTemplateAsync(WhatsAppNumber number, TemplateCreation template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(template);
        if (number.WabaId is not { Length: > 0 } wabaId)
        {
            return Task.FromResult<WhatsAppResult<CreatedTemplate>>(new WhatsAppResult<CreatedTemplate>.Failure(ClientError("Template management needs the number's WABA id.")));
        }

        var body = new CreateTemplateRequest(template.Name, template.Language, template.Category, template.Components, template.ParameterFormat, template.AllowCategoryChange, template.MessageSendTtlSeconds);
        return ExecuteAsync(
            "create-template",
            number,
            () => JsonRequest(HttpMethod.Post, number, Endpoint(number, wabaId, "message_templates"), body),
            GraphResponses.CreatedTemplate,
            _options.RequestTimeout,
            cancellationToken);
    }

    /// <summary>One page of the WABA's templates: GET /{version}/{waba-id}/message_templates.</summary>
    public Task<WhatsAppResult<TemplatePage>> ListTemplatesAsync(WhatsAppNumber number, TemplateQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (number.WabaId is not { Length: > 0 } wabaId)
        {
            return Task.FromResult<WhatsAppResult<TemplatePage>>(new WhatsAppResult<TemplatePage>.Failure(ClientError("Template management needs the number's WABA id.")));
        }

        query ??= new TemplateQuery();
        var limit = (query.Limit ?? _options.TemplatePageSize).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ExecuteAsync(
            "list-templates",
            number,
            () => Authorized(new HttpRequestMessage(HttpMethod.Get, Endpoint(number, [wabaId, "message_templates"], ("limit", limit), ("name", query.Name), ("after", query.After))), number),
            GraphResponses.TemplatePage,
            _options.RequestTimeout,
            cancellationToken);
    }

    /// <summary>Every template of the WABA, following the paging cursors to the last page.</summary>
    public async Task<WhatsAppResult<IReadOnlyList<WhatsAppTemplate>>> ListAllTemplatesAsync(WhatsAppNumber number, string? name = null, CancellationToken cancellationToken = default)
    {
        var all = new List<WhatsAppTemplate>();
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await ListTemplatesAsync(number, new TemplateQuery(name, after), cancellationToken);
            if (page is not WhatsAppResult<TemplatePage>.Success success)
            {
                return page.WithoutValue<IReadOnlyList<WhatsAppTemplate>>();
            }

            all.AddRange(success.Value.Templates);

            // A cursor seen before would loop forever; a provider that repeats one has no more pages.
            if (success.Value.NextCursor is not { } next || !seenCursors.Add(next))
            {
                return new WhatsAppResult<IReadOnlyList<WhatsAppTemplate>>.Success(all);
            }

            after = next;
        }
    }

    /// <summary>
    /// Deletes a template by name (all its languages), or one language variant when
    /// <paramref name="templateId"/> is given (Meta's hsm_id).
    /// </summary>
    public Task<WhatsAppResult<Acknowledged>> DeleteTemplateAsync(WhatsAppNumber number, string name, string? templateId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (number.WabaId is not { Length: > 0 } wabaId)
        {
            return Task.FromResult<WhatsAppResult<Acknowledged>>(new WhatsAppResult<Acknowledged>.Failure(ClientError("Template management needs the number's WABA id.")));
        }

        return ExecuteAsync(
            "delete-template",
            number,
            () => Authorized(new HttpRequestMessage(HttpMethod.Delete, Endpoint(number, [wabaId, "message_templates"], ("name", name), ("hsm_id", templateId))), number),
            GraphResponses.Acknowledged,
            _options.RequestTimeout,
            cancellationToken);
    }

    private async Task<WhatsAppResult<T>> ExecuteAsync<T>(
        string operation,
        WhatsAppNumber number,
        Func<HttpRequestMessage> createRequest,
        Func<JsonElement, T?> readSuccess,
        TimeSpan timeout,
        CancellationToken cancellationToken)
        where T : class
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var request = createRequest();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token);
            return Logged(operation, number, await GraphResponseReader.ReadAsync(response, readSuccess, timeoutSource.Token));
        }
        catch (Exception exception) when (Unknown(exception, cancellationToken) is { } unknown)
        {
            return Logged(operation, number, new WhatsAppResult<T>.OutcomeUnknown(unknown));
        }
    }

    /// <summary>
    /// Timeouts and broken connections leave the outcome unknown. The caller's own cancellation is
    /// not an outcome: it propagates as <see cref="OperationCanceledException"/>.
    /// </summary>
    private static UnknownOutcome? Unknown(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException when callerToken.IsCancellationRequested => null,
        OperationCanceledException => new UnknownOutcome(UnknownOutcomeCause.Timeout, "No answer within the timeout"),
        HttpRequestException http => new UnknownOutcome(UnknownOutcomeCause.ConnectionFailed, http.Message, !GraphResponseReader.IsCertainlyNotSent(http)),
        IOException io => new UnknownOutcome(UnknownOutcomeCause.ConnectionFailed, io.Message),
        _ => null,
    };

    private WhatsAppResult<T> Logged<T>(string operation, WhatsAppNumber number, WhatsAppResult<T> result)
    {
        switch (result)
        {
            case WhatsAppResult<T>.Success:
                WhatsAppClientLog.Succeeded(logger, operation, number.PhoneNumberId);
                break;
            case WhatsAppResult<T>.Failure { Error: var error }:
                WhatsAppClientLog.Failed(logger, operation, number.PhoneNumberId, error.Code, error.HttpStatus, error.Category, error.CanRetry, error.FbTraceId);
                break;
            case WhatsAppResult<T>.OutcomeUnknown { Unknown: var unknown }:
                WhatsAppClientLog.OutcomeUnknown(logger, operation, number.PhoneNumberId, unknown.Cause, unknown.Detail);
                break;
        }

        return result;
    }

    private Uri Endpoint(WhatsAppNumber number, string id, string edge) => GraphEndpoint.For(number, _options, [id, edge]);

    private Uri Endpoint(WhatsAppNumber number, IEnumerable<string> segments, params (string Name, string? Value)[] query) =>
        GraphEndpoint.For(number, _options, segments, query);

    // Serialized up front so the request carries a Content-Length rather than a chunked body.
    private static HttpRequestMessage JsonRequest<TBody>(HttpMethod method, WhatsAppNumber number, Uri uri, TBody body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, GraphJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Authorized(new HttpRequestMessage(method, uri) { Content = content }, number);
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, WhatsAppNumber number)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", number.AccessToken);
        return request;
    }

    /// <summary>
    /// Media URLs come from the provider or a webhook; the token goes only over HTTPS or to the
    /// number's own Graph host (the emulator speaks plain HTTP on loopback).
    /// </summary>
    private bool MayCarryToken(WhatsAppNumber number, Uri url)
    {
        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return true;
        }

        var graph = number.GraphBaseUrl ?? _options.DefaultGraphBaseUrl;
        return url.Scheme == Uri.UriSchemeHttp && Uri.Compare(url, graph, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }

    private static WhatsAppError ClientError(string message) =>
        new(WhatsAppErrorSource.Client, null, message, WhatsAppErrorCategory.InvalidRequest, RetryAdvice.Never(RetryScope.Message, message), Title: message);

    // The recorded multipart (spec §2.1) has bare text parts: no Content-Type on them.
    private static HttpContent FormField(string name, string value)
    {
        var part = new StringContent(value, Encoding.UTF8);
        part.Headers.ContentType = null;
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{name}\"");
        return part;
    }

    private static HttpContent FileField(Stream content, string fileName, string mimeType)
    {
        var part = new LeaveOpenStreamContent(content);
        var asciiName = new string(fileName.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_').ToArray());
        var disposition = $"form-data; name=\"file\"; filename=\"{asciiName}\"";
        if (asciiName != fileName)
        {
            disposition += $"; filename*=utf-8''{Uri.EscapeDataString(fileName)}";
        }

        // Disposition first, then the file's type, as in the recorded request.
        part.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
        part.Headers.ContentType = MediaTypeHeaderValue.TryParse(mimeType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        return part;
    }

    /// <summary>Copies a stream and counts the bytes, so the result can say how much arrived.</summary>
    private sealed class CountingCopy
    {
        public long Bytes { get; private set; }

        public async Task CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                Bytes += read;
            }
        }
    }
}
