namespace Switchboard.Channels.WhatsApp.Media;

/// <summary>Stable codes of refused media; the Api uses them as problem-details types.</summary>
public static class MediaRuleCodes
{
    /// <summary>The bytes are not what the declared content type says.</summary>
    public const string TypeMismatch = "media_type_mismatch";

    /// <summary>Larger than the kind's limit.</summary>
    public const string TooLarge = "media_too_large";

    /// <summary>A real file of a type this kind of message cannot carry.</summary>
    public const string TypeNotAllowed = "media_type_not_allowed";
}
