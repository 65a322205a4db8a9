namespace Switchboard.Api.Problems;

/// <summary>Collects field errors for one request; empty means valid.</summary>
public sealed class RequestValidation
{
    private readonly Dictionary<string, List<string>> errors = [];

    public bool IsValid => errors.Count == 0;

    public RequestValidation Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public RequestValidation Require(string field, string? value, int maxLength = 1000)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"{field} must be at most {maxLength} characters.");
        }

        return this;
    }

    public RequestValidation Optional(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"{field} must be at most {maxLength} characters.");
        }

        return this;
    }

    public RequestValidation Check(bool condition, string field, string message) => condition ? this : Add(field, message);

    public IResult ToProblem() =>
        ApiProblems.Validation(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), errors.Values.First().First());
}
