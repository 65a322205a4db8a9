using Switchboard.Grains.Messages;

namespace Switchboard.Storage.Templates;

/// <summary>Whether a template can be sent with these values: the content to send, or why not.</summary>
public abstract record TemplateSendCheck
{
    public sealed record Sendable(TemplateContent Content) : TemplateSendCheck;

    /// <param name="Type">template_not_found, template_not_approved or template_params_mismatch.</param>
    public sealed record Refused(string Type, string Detail) : TemplateSendCheck;
}
