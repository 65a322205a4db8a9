using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Storage.Channels;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// The first step of every provider webhook: parse it, find the numbers it is about, and check its
/// signature against their app secret over the exact bytes received. Nothing unsigned goes further.
/// </summary>
public sealed class WebhookIntake(ChannelStore channels)
{
    public async Task<IntakeResult> AcceptAsync(ReadOnlyMemory<byte> body, string? signatureHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return new IntakeResult.Refused(401, "invalid_signature", $"The {WebhookSignature.HeaderName} header is missing.");
        }

        if (WebhookParser.Parse(body) is not WebhookParseResult.Parsed parsed)
        {
            return new IntakeResult.Refused(400, "validation", "The body is not a WhatsApp webhook envelope.");
        }

        var routed = await RouteAsync(parsed.Notification, cancellationToken);
        if (routed.Count == 0)
        {
            return new IntakeResult.Refused(404, "unknown_number", "No channel here has the phone-number id or business account this webhook is for.");
        }

        // One app signs for all its numbers; every number named must share the secret that signed it.
        foreach (var secret in routed.Select(c => c.AppSecret).Distinct())
        {
            if (WebhookSignature.Verify(body.Span, signatureHeader, secret) != SignatureCheck.Valid)
            {
                return new IntakeResult.Refused(401, "invalid_signature", "The signature does not match the body and the number's app secret.");
            }
        }

        return new IntakeResult.Verified(parsed.Notification, routed[0]);
    }

    private async Task<List<ChannelRecord>> RouteAsync(WebhookNotification notification, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ChannelRecord>();
        foreach (var origin in notification.Events.Select(e => e.Origin).Distinct())
        {
            if (origin.PhoneNumberId is { } phoneNumberId)
            {
                if (await channels.FindByPhoneNumberIdAsync("whatsapp", phoneNumberId, cancellationToken) is { } channel)
                {
                    found.TryAdd(channel.Id, channel);
                }
            }
            else if (origin.WabaId is { } wabaId)
            {
                foreach (var channel in await channels.FindByWabaIdAsync(wabaId, cancellationToken))
                {
                    found.TryAdd(channel.Id, channel);
                }
            }
        }

        return found.Values.ToList();
    }
}
