using Npgsql;
using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Cluster.Channels;

namespace Switchboard.Cluster.Ingestion;

/// <summary>
/// The first step of every provider webhook: find the numbers it is about, check its signature
/// against their app secret over the exact bytes received, and store it durably. Only then may
/// the caller answer 200 — Meta keeps no history to fetch again, so what we acknowledged we keep.
/// </summary>
public sealed class WebhookIntake(NpgsqlDataSource dataSource, ChannelStore channels)
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

        // Claimed at birth by this node (for 30 seconds): it processes the webhook right away,
        // and a silo's sweeper takes over only if that never finishes.
        await using var insert = dataSource.CreateCommand(
            """
            insert into webhook_inbox (tenant_id, channel_id, payload, locked_until, attempts)
            values ($1, $2, $3, now() + interval '30 seconds', 1)
            returning id, received_at
            """);
        insert.Parameters.Add(new() { Value = routed[0].TenantId });
        insert.Parameters.Add(new() { Value = routed[0].Id });
        insert.Parameters.Add(new() { Value = System.Text.Encoding.UTF8.GetString(body.Span) });
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IntakeResult.Stored(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), parsed.Notification);
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
