using System.Text;

namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>Builds absolute Graph URLs per call, because every number may name its own base URL and version.</summary>
internal static class GraphEndpoint
{
    public static Uri For(WhatsAppNumber number, WhatsAppClientOptions options, IEnumerable<string> segments, params (string Name, string? Value)[] query)
    {
        var baseUrl = (number.GraphBaseUrl ?? options.DefaultGraphBaseUrl).AbsoluteUri.TrimEnd('/');
        var version = string.IsNullOrWhiteSpace(number.ApiVersion) ? options.DefaultApiVersion : number.ApiVersion;
        var builder = new StringBuilder(baseUrl).Append('/').Append(Uri.EscapeDataString(version.Trim('/')));
        foreach (var segment in segments)
        {
            builder.Append('/').Append(Uri.EscapeDataString(segment));
        }

        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
    }
}
