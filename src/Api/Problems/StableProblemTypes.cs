using Microsoft.AspNetCore.Http;

namespace Switchboard.Api.Problems;

/// <summary>
/// The framework answers some requests itself (unreadable body, unknown route, wrong method)
/// with RFC links as <c>type</c>. This gives those the same stable codes as our own answers.
/// </summary>
public static class StableProblemTypes
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is not null && !problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            return;
        }

        problem.Type = problem.Status switch
        {
            400 => "validation",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not_found",
            405 => "method_not_allowed",
            409 => "conflict",
            413 => "payload_too_large",
            415 => "unsupported_media_type",
            429 => "rate_limited",
            503 => "unavailable",
            _ => problem.Status >= 500 ? "internal" : "error",
        };
    }
}
