using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Grains.Abstractions;

namespace Switchboard.Api.Conversations;

/// <summary>
/// The conversation a <c>/conversations/{id}/…</c> route names, looked up in the caller's tenant
/// when the handler's parameters are bound. <see cref="Filter"/> then answers 404 for an id the
/// tenant does not have — another tenant's included — before the handler runs.
/// </summary>
public sealed record ConversationRoute(string Id, GrainKey Key, bool Exists)
{
    public static async ValueTask<ConversationRoute> BindAsync(HttpContext context)
    {
        var id = context.GetRouteValue("id") as string ?? "";
        var queries = context.RequestServices.GetRequiredService<ConversationQueries>();
        var key = await queries.FindKeyAsync(context.User.TenantId(), id, context.RequestAborted);
        return new ConversationRoute(id, key ?? default, key is not null);
    }

    public sealed class Filter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
            context.Arguments.OfType<ConversationRoute>().Any(route => !route.Exists)
                ? ApiProblems.NotFound("conversation")
                : await next(context);
    }
}
