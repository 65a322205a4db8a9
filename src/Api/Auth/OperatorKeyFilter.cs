using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Api.Hosting;

namespace Switchboard.Api.Auth;

/// <summary>Admits only the platform operator: <c>Authorization: Bearer &lt;OPERATOR_KEY&gt;</c>, compared in constant time.</summary>
public sealed class OperatorKeyFilter(IOptions<OperatorOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        var expected = options.Value.Key;
        var matches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
        return matches
            ? await next(context)
            : Results.Problem(statusCode: 401, type: "unauthorized", title: "Unauthorized", detail: "The operator key is required.");
    }
}
