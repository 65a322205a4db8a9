using System.ComponentModel.DataAnnotations;

namespace Switchboard.Api.Hosting;

public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>The platform operator's key for creating tenants (<c>OPERATOR_KEY</c> in ./run).</summary>
    [Required]
    [MinLength(8)]
    public string Key { get; set; } = "";
}
