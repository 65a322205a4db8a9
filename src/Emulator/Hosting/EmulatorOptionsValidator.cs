using Microsoft.Extensions.Options;

namespace Switchboard.Emulator.Hosting;

/// <summary>Checks the configured numbers at start with the same rules as <c>POST /_emulator/numbers</c>.</summary>
public sealed class EmulatorOptionsValidator : IValidateOptions<EmulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, EmulatorOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Numbers.Count; i++)
        {
            foreach (var (field, problems) in options.Numbers[i].Validate())
            {
                failures.AddRange(problems.Select(problem => $"Emulator:Numbers:{i}:{field}: {problem}"));
            }
        }
        var duplicates = options.Numbers.GroupBy(n => n.PhoneNumberId).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(duplicates.Select(id => $"Emulator:Numbers: phone number id {id} is configured twice."));
        if (options.PublicBaseUrl is { IsAbsoluteUri: false })
        {
            failures.Add("Emulator:PublicBaseUrl must be an absolute URL.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
