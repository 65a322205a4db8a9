using System.Collections.Concurrent;

namespace Switchboard.Channels.WhatsApp.Tests.Emulator;

/// <summary>One request exactly as the client put it on the wire.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? ContentType, long? ContentLength, string? Authorization, byte[] Body);

/// <summary>
/// Sees what the client sends on its way to the emulator, for wire details the emulator does not log
/// (multipart bodies). It forwards every request unchanged.
/// </summary>
public sealed class RequestRecorder
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public DelegatingHandler CreateHandler() => new RecordingHandler(this);

    private sealed class RecordingHandler(RequestRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var length = request.Content?.Headers.ContentLength;
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            recorder._requests.Enqueue(new RecordedRequest(
                request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.ToString(), length, request.Headers.Authorization?.ToString(), body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
