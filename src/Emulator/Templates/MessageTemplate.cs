using System.Text.Json.Nodes;

namespace Switchboard.Emulator.Templates;

/// <summary>A template of a WhatsApp Business Account and its review status (spec §4.2, §4.4).</summary>
public sealed class MessageTemplate(string id, string wabaId, TemplateDefinition definition, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private TemplateDefinition _definition = definition;
    private string _status = TemplateStatuses.Pending;

    public string Id { get; } = id;
    public string WabaId { get; } = wabaId;
    public DateTimeOffset CreatedAt { get; } = createdAt;

    public TemplateDefinition Definition
    {
        get
        {
            lock (_gate)
            {
                return _definition;
            }
        }
    }

    public string Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    public string Name => Definition.Name;
    public string Language => Definition.Language;

    /// <summary>Sets the status and answers the previous one.</summary>
    public string SetStatus(string status)
    {
        lock (_gate)
        {
            var previous = _status;
            _status = status;
            return previous;
        }
    }

    /// <summary>Moves to <paramref name="status"/> only from <paramref name="expected"/>; false when something else changed it first.</summary>
    public bool TryChangeStatus(string expected, string status)
    {
        lock (_gate)
        {
            if (_status != expected)
            {
                return false;
            }
            _status = status;
            return true;
        }
    }

    /// <summary>An edit replaces the content and sends the template back to review (spec §4.3).</summary>
    public void Edit(TemplateDefinition definition)
    {
        lock (_gate)
        {
            _definition = definition;
            _status = TemplateStatuses.Pending;
        }
    }

    /// <summary>The template as <c>GET /{waba-id}/message_templates</c> lists it (key order as in real traffic, spec §4.2).</summary>
    public JsonObject ToGraphJson()
    {
        var definition = Definition;
        return new JsonObject
        {
            ["name"] = definition.Name,
            ["parameter_format"] = definition.NamedParameters ? "NAMED" : "POSITIONAL",
            ["components"] = definition.Components.DeepClone(),
            ["language"] = definition.Language,
            ["status"] = Status,
            ["category"] = definition.Category,
            ["id"] = Id,
        };
    }
}

/// <summary>Template statuses the emulator uses; the set is open on Meta's side (spec §4.4).</summary>
public static class TemplateStatuses
{
    public const string Pending = "PENDING";
    public const string Approved = "APPROVED";
    public const string Rejected = "REJECTED";
    public const string Paused = "PAUSED";
    public const string Disabled = "DISABLED";

    /// <summary>Statuses the control API may force.</summary>
    public static readonly IReadOnlySet<string> Forcible = new HashSet<string> { Approved, Rejected, Paused, Disabled, Pending };
}
