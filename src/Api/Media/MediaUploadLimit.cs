using Microsoft.AspNetCore.Http.Metadata;

namespace Switchboard.Api.Media;

/// <summary>
/// Raises Kestrel's request body limit (30 MB by default) for the upload endpoint alone: the
/// largest file any kind may carry plus room for the multipart framing. Every other endpoint
/// keeps the default.
/// </summary>
public sealed class MediaUploadLimit(long largestFileBytes) : IRequestSizeLimitMetadata
{
    public const long MultipartOverheadBytes = 1024 * 1024;

    public long? MaxRequestBodySize { get; } = largestFileBytes + MultipartOverheadBytes;
}
