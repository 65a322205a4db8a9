using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Switchboard.Api.Problems;

/// <summary>
/// Turns what escapes an endpoint into problem details: malformed bodies are the client's
/// fault (400 <c>validation</c>); an unreachable database or Redis is ours and temporary
/// (503 <c>unavailable</c>, retry); anything else is a 500 without internals.
/// </summary>
public sealed partial class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, type, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, "validation", "Malformed JSON", $"The request body is not valid JSON: {json.Message}"),
            BadHttpRequestException bad => (bad.StatusCode, "validation", "Bad request", bad.Message),
            JsonException json => (400, "validation", "Malformed JSON", json.Message),
            NpgsqlException or TimeoutException or StackExchange.Redis.RedisException =>
                (503, "unavailable", "Temporarily unavailable", "A backing service is unreachable; retry shortly."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "cancelled", "Cancelled", "The client went away."),
            _ => (500, "internal", "Internal error", "Something went wrong on our side."),
        };
        if (status >= 500)
        {
            LogFailure(logger, context.Request.Method, context.Request.Path, exception);
        }

        if (status == 503)
        {
            context.Response.Headers.RetryAfter = "2";
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Type = type, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, string path, Exception exception);
}
