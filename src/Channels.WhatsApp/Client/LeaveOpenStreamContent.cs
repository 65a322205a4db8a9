using System.Net;

namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>
/// Streams the caller's media into a request without taking ownership: <see cref="StreamContent"/>
/// would dispose the caller's stream with the request.
/// </summary>
internal sealed class LeaveOpenStreamContent(Stream source) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        source.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        source.CopyToAsync(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        if (source.CanSeek)
        {
            length = source.Length - source.Position;
            return true;
        }

        length = 0;
        return false;
    }
}
