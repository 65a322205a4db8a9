using Switchboard.Grains.Abstractions;

namespace Switchboard.Api.Problems;

/// <summary>
/// RFC 9457 problem details with the stable <c>type</c> codes of api.md. Every refusal of
/// the Api goes through here, so clients can switch on <c>type</c> and nothing else.
/// </summary>
public static class ApiProblems
{
    public static IResult Of(int status, string type, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: type, extensions: extensions);

    public static IResult NotFound(string what) =>
        Of(StatusCodes.Status404NotFound, "not_found", "Not found", $"There is no {what} with that id.");

    public static IResult Forbidden(string detail) =>
        Of(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", detail);

    public static IResult Conflict(string type, string detail, IDictionary<string, object?>? extensions = null) =>
        Of(StatusCodes.Status409Conflict, type, "Conflict", detail, extensions);

    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        Results.ValidationProblem(errors, detail: detail ?? "The request has invalid fields.", type: "validation", title: "Invalid request");

    public static IResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, message);

    /// <summary>A grain's refusal: 409 for state conflicts (window closed), 422 for rule violations.</summary>
    public static IResult FromRejection(Rejection rejection)
    {
        var extensions = rejection.Details?.ToDictionary(d => d.Key, d => d.Value);
        var status = rejection.Code switch
        {
            "not_found" or "conversation_not_found" or "message_not_found" or "scheduled_message_not_found" or "participant_not_found"
                => StatusCodes.Status404NotFound,
            _ when rejection.Code.StartsWith("invalid_", StringComparison.Ordinal) => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status409Conflict,
        };
        return Of(status, rejection.Code, Titles.For(rejection.Code), rejection.Message, extensions);
    }

    private static class Titles
    {
        public static string For(string code) => code switch
        {
            "window_closed" => "The customer-service window is closed",
            "templates_not_supported" => "This channel has no templates",
            _ => string.Join(' ', code.Split('_')) is var words && words.Length > 0 ? char.ToUpperInvariant(words[0]) + words[1..] : code,
        };
    }
}
