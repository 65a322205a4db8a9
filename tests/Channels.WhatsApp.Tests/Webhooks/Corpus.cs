using Switchboard.Channels.WhatsApp.Webhooks;

namespace Switchboard.Channels.WhatsApp.Tests.Webhooks;

/// <summary>The recorded webhook payloads under Corpus/, read as raw bytes like the Api receives them.</summary>
internal static class Corpus
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IEnumerable<string> FileNames => System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(Path.GetFileName).OfType<string>().Order();

    public static byte[] Bytes(string fileName) => File.ReadAllBytes(Path.Combine(Directory, fileName));

    public static WebhookNotification Parse(string fileName)
    {
        var result = WebhookParser.Parse(Bytes(fileName));
        var parsed = Assert.IsType<WebhookParseResult.Parsed>(result);
        return parsed.Notification;
    }

    /// <summary>The single inbound message of a one-message payload.</summary>
    public static InboundMessage Message(string fileName) => Assert.Single(Parse(fileName).Messages);
}
