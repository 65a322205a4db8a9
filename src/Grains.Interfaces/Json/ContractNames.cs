using System.Text.Json;

namespace Switchboard.Grains.Json;

/// <summary>How an enum value of the contracts is written everywhere (JSON, rows, screens): snake_case, as <see cref="ContractJson"/> writes it.</summary>
public static class ContractNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
