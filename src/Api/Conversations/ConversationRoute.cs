using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Grains.Conversations;
using Switchboard.Inbox.Conversations;

namespace Switchboard.Api.Conversations;

/// <summary>
/// The conversation a <c>/conversations/{id}/…</c> route names, looked up in the caller's tenant
/// when the handler's parameters are bound. <see cref="Filter"/> then answers 404 for an id the
/// tenant does not have — another tenant's included — before the handler runs.
/// A conversation answers with its sequence as ETag; an edit sent with <c>If-Match</c> (that
/// ETag) is refused with 409 <c>stale_version</c> when another change came first.
/// </summary>
public sealed record ConversationRoute(string Id, ConversationKey Key, bool Exists, long? ExpectedSequence, bool IfMatchMalformed)
{
    public static async ValueTask<ConversationRoute> BindAsync(HttpContext context)
    {
        var id = context.GetRouteValue("id") as string ?? "";
        var queries = context.RequestServices.GetRequiredService<ConversationQueries>();
        var key = await queries.FindKeyAsync(context.User.TenantId(), id, context.RequestAborted);
        var (expected, malformed) = ParseIfMatch(context.Request.Headers.IfMatch.ToString());
        return new ConversationRoute(id, key ?? default, key is not null, expected, malformed);
    }

    public static string ETag(long sequence) => $"\"{sequence}\"";

    /// <summary>Absent or <c>*</c>: no expectation. <c>"42"</c> or <c>W/"42"</c>: sequence 42.</summary>
    private static (long? Expected, bool Malformed) ParseIfMatch(string header)
    {
        var value = header.Trim();
        if (value.Length == 0 || value == "*")
        {
            return (null, false);
        }

        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"' && long.TryParse(value[1..^1], out var sequence) && sequence >= 0
            ? (sequence, false)
            : (null, true);
    }

    public sealed class Filter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var route = context.Arguments.OfType<ConversationRoute>().FirstOrDefault();
            if (route is { Exists: false })
            {
                return ApiProblems.NotFound("conversation");
            }

            if (route is { IfMatchMalformed: true })
            {
                return ApiProblems.Validation("If-Match", "If-Match must be the conversation's ETag, e.g. \"42\".");
            }

            var result = await next(context);
            if (result is IValueHttpResult { Value: ConversationView view })
            {
                context.HttpContext.Response.Headers.ETag = ETag(view.Sequence);
            }

            return result;
        }
    }
}
