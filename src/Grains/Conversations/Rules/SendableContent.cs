using System.Reflection;
using System.Text.Json.Serialization;
using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>Which message contents can go to a customer. The others only ever arrive (a tapped button, a provider notice).</summary>
public static class SendableContent
{
    private static readonly IReadOnlyDictionary<Type, string> TypeNames = typeof(MessageContent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(attribute => attribute.DerivedType, attribute => attribute.TypeDiscriminator?.ToString() ?? attribute.DerivedType.Name);

    public static bool IsSendable(MessageContent content) => content is
        TextContent or MediaContent or LocationContent or ContactsContent or
        InteractiveButtonsContent or InteractiveListContent or ReactionContent or TemplateContent;

    /// <summary>The content's wire type name (<c>text</c>, <c>interactive_reply</c>…), for messages.</summary>
    public static string TypeName(MessageContent content) =>
        TypeNames.TryGetValue(content.GetType(), out var name) ? name : content.GetType().Name;
}
