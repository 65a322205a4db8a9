using System.Collections.Concurrent;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.Graph;

namespace Switchboard.Emulator.Templates;

/// <summary>
/// Templates by id and by (WABA, name, language). Writes take one lock (templates change rarely);
/// the send path's lookup is lock-free.
/// </summary>
public sealed class TemplateStore(GraphIds ids, TimeProvider time) : IResettable
{
    private readonly Lock _writeGate = new();
    private readonly ConcurrentDictionary<string, MessageTemplate> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string WabaId, string Name, string Language), MessageTemplate> _byKey = new();

    public (MessageTemplate? Template, GraphError? Error) Create(string wabaId, TemplateDefinition definition)
    {
        lock (_writeGate)
        {
            var key = (wabaId, definition.Name, definition.Language);
            if (_byKey.ContainsKey(key))
            {
                return (null, GraphErrors.TemplateDefinitionInvalid(
                    "Content in this language already exists",
                    $"There is already {definition.Language} content for this template. Create a new template and try again.",
                    2388024));
            }
            var template = new MessageTemplate(ids.Next(), wabaId, definition, time.GetUtcNow());
            _byId[template.Id] = template;
            _byKey[key] = template;
            return (template, null);
        }
    }

    public MessageTemplate? Find(string id) => _byId.GetValueOrDefault(id);

    public MessageTemplate? Find(string wabaId, string name, string language) => _byKey.GetValueOrDefault((wabaId, name, language));

    /// <summary>The WABA's templates, oldest first, as Graph pages them.</summary>
    public IReadOnlyList<MessageTemplate> ForWaba(string wabaId) =>
        [.. _byId.Values.Where(t => t.WabaId == wabaId).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];

    public IReadOnlyList<MessageTemplate> All => [.. _byId.Values.OrderBy(t => t.CreatedAt)];

    /// <summary>Deletes every language of a name, or only the one with <paramref name="templateId"/> (spec §4.3).</summary>
    public IReadOnlyList<MessageTemplate> Delete(string wabaId, string name, string? templateId)
    {
        lock (_writeGate)
        {
            var doomed = _byId.Values
                .Where(t => t.WabaId == wabaId && t.Name == name && (templateId is null || t.Id == templateId))
                .ToList();
            foreach (var template in doomed)
            {
                _byId.TryRemove(template.Id, out _);
                _byKey.TryRemove((wabaId, template.Name, template.Language), out _);
            }
            return doomed;
        }
    }

    public void Reset()
    {
        lock (_writeGate)
        {
            _byId.Clear();
            _byKey.Clear();
        }
    }
}
