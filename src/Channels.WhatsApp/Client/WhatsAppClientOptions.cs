namespace Switchboard.Channels.WhatsApp.Client;

public sealed class WhatsAppClientOptions
{
    public const string SectionName = "WhatsApp:Client";

    /// <summary>Used when a <see cref="WhatsAppNumber"/> names no base URL.</summary>
    public Uri DefaultGraphBaseUrl { get; set; } = new("https://graph.facebook.com");

    /// <summary>Used when a <see cref="WhatsAppNumber"/> names no API version.</summary>
    public string DefaultApiVersion { get; set; } = "v21.0";

    /// <summary>
    /// How long a Graph call may take before its outcome is reported as unknown. Sends answer in
    /// well under a second normally; a hung provider must not hold a worker for long.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upload and download of media (up to 100 MB) get longer.</summary>
    public TimeSpan MediaTransferTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Page size asked for when listing templates.</summary>
    public int TemplatePageSize { get; set; } = 100;
}
