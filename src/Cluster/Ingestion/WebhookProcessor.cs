using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Cluster.Channels;
using Switchboard.Cluster.Conversations;
using Switchboard.Cluster.Identity;
using Switchboard.Cluster.Templates;
using Switchboard.Grains.Conversations;
using Switchboard.Runtime.Grains;

namespace Switchboard.Cluster.Ingestion;

/// <summary>
/// Turns one stored webhook into grain turns. Claimed with a lease so the Api node that stored
/// it and a silo sweeping leftovers never work one row at once. Re-processing is harmless:
/// a message is recorded once per provider id (the grain's idempotency key) and statuses only
/// move forward — so a crash half-way through simply processes the row again.
/// </summary>
public sealed partial class WebhookProcessor(
    NpgsqlDataSource dataSource,
    GrainRuntime runtime,
    ConversationGrain conversations,
    ChannelStore channels,
    InboundMediaFetcher media,
    TemplateStatusNotifier templates,
    InboxCompletions completions,
    ILogger<WebhookProcessor> logger)
{
    public const int MaxAttempts = 10;

    /// <summary>
    /// The fast path: a webhook this node just stored (claimed at birth) and parsed, processed
    /// without reading it back.
    /// </summary>
    public Task<bool> ProcessStoredAsync(long inboxId, WebhookNotification notification, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        ApplyAndCompleteAsync(inboxId, notification, receivedAt, cancellationToken);

    /// <summary>The sweeper's path: claims a stored row another node left, then processes it.</summary>
    /// <returns>True when the row was processed now; false when someone else has it, it is done, or it failed.</returns>
    public async Task<bool> ProcessAsync(long inboxId, CancellationToken cancellationToken)
    {
        (string Payload, DateTimeOffset ReceivedAt)? claimed;
        try
        {
            claimed = await ClaimAsync(inboxId, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Unclaimed, the row is someone else's to take later.
            LogFailed(logger, inboxId, ex);
            return false;
        }

        if (claimed is null)
        {
            return false;
        }

        var parsed = WebhookParser.Parse(System.Text.Encoding.UTF8.GetBytes(claimed.Value.Payload));
        var notification = parsed is WebhookParseResult.Parsed ok ? ok.Notification : new WebhookNotification(null, []);
        return await ApplyAndCompleteAsync(inboxId, notification, claimed.Value.ReceivedAt, cancellationToken);
    }

    private async Task<bool> ApplyAndCompleteAsync(long inboxId, WebhookNotification notification, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        try
        {
            await ApplyAsync(notification, receivedAt, cancellationToken);
            completions.Complete(inboxId);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, inboxId, ex);
            await using var failed = dataSource.CreateCommand(
                "update webhook_inbox set locked_until = now() + least(interval '1 second' * power(2, attempts), interval '5 minutes'), last_error = $2 where id = $1");
            failed.Parameters.Add(new() { Value = inboxId });
            failed.Parameters.Add(new() { Value = ex.GetType().Name + ": " + ex.Message });
            await failed.ExecuteNonQueryAsync(CancellationToken.None);
            return false;
        }
    }

    private async Task<(string Payload, DateTimeOffset ReceivedAt)?> ClaimAsync(long inboxId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var claimed = await connection.QuerySingleOrDefaultAsync<(string Payload, DateTime ReceivedAt)?>(new CommandDefinition(
            """
            update webhook_inbox set locked_until = now() + interval '1 minute', attempts = attempts + 1
            where id = @inboxId and processed_at is null and attempts < @MaxAttempts
              and (locked_until is null or locked_until < now())
            returning payload, received_at
            """, new { inboxId, MaxAttempts }, cancellationToken: cancellationToken));
        return claimed is { } row ? (row.Payload, new DateTimeOffset(DateTime.SpecifyKind(row.ReceivedAt, DateTimeKind.Utc))) : null;
    }

    /// <summary>
    /// Events about one customer go in order; different customers' events go in parallel —
    /// a batch of a thousand statuses should not wait on one slow conversation.
    /// </summary>
    private async Task ApplyAsync(WebhookNotification notification, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var groups = notification.Events.GroupBy(e => CustomerOf(e) ?? "account");
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (group, ct) =>
        {
            foreach (var @event in group)
            {
                await ApplyAsync(@event, receivedAt, ct);
            }
        });
    }

    /// <summary>The one customer (business number and wa_id) a POST is about; null for none or several.</summary>
    public static string? CustomerOf(WebhookNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        string? customer = null;
        foreach (var @event in notification.Events)
        {
            var next = CustomerOf(@event);
            if (next is null || (customer is not null && customer != next))
            {
                return null;
            }

            customer = next;
        }

        return customer;
    }

    /// <summary>The customer an event is about: a message's sender, a status's recipient; null for account news.</summary>
    private static string? CustomerOf(WebhookEvent @event) => @event switch
    {
        InboundMessage m => $"{m.Origin.PhoneNumberId}/{m.From}",
        StatusUpdate s => $"{s.Origin.PhoneNumberId}/{s.RecipientId}",
        _ => null,
    };

    private async Task ApplyAsync(WebhookEvent @event, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        switch (@event)
        {
            case InboundMessage message:
                await ReceiveAsync(message, receivedAt, cancellationToken);
                break;
            case StatusUpdate status:
                await ApplyStatusAsync(status, cancellationToken);
                break;
            case TemplateStatusUpdate template when template.Origin.WabaId is { } wabaId:
                await templates.ApplyAsync(wabaId, template, cancellationToken);
                break;
            case UserPreferenceUpdate preference:
                await ApplyPreferenceAsync(preference, cancellationToken);
                break;
            case WebhookErrors errors:
                LogProviderErrors(logger, errors.Origin.PhoneNumberId, string.Join("; ", errors.Errors.Select(e => $"{e.Code} {e.Title}")));
                break;
            default:
                LogIgnored(logger, @event.GetType().Name, @event.Origin.Field);
                break;
        }
    }

    private async Task ReceiveAsync(InboundMessage message, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (await ChannelOf(message.Origin, cancellationToken) is not { } channel || message.From is not { } waId)
        {
            LogUnroutable(logger, message.ProviderMessageId);
            return;
        }

        var content = await media.FetchAsync(channel, message.Content, cancellationToken);
        var identity = new ConversationIdentity(channel.TenantId, channel.Id, channel.ChannelType, waId);
        await runtime.SendAsync(conversations, identity.ToGrainKey(), new ReceiveMessage(
            identity,
            Ids.Derived("msg", channel.Id, message.ProviderMessageId),
            message.ProviderMessageId,
            content,
            message.Timestamp ?? receivedAt,
            receivedAt,
            message.Context?.ReplyToProviderMessageId,
            message.ProfileName), cancellationToken);
    }

    private async Task ApplyStatusAsync(StatusUpdate status, CancellationToken cancellationToken)
    {
        if (status.KnownStatus is not { } known || status.RecipientId is not { } waId || await ChannelOf(status.Origin, cancellationToken) is not { } channel)
        {
            LogUnroutable(logger, status.ProviderMessageId);
            return;
        }

        var identity = new ConversationIdentity(channel.TenantId, channel.Id, channel.ChannelType, waId);
        await runtime.SendAsync(conversations, identity.ToGrainKey(),
            new ApplyStatus(status.ProviderMessageId, known, status.Timestamp, status.Errors.FirstOrDefault()), cancellationToken);
    }

    private async Task ApplyPreferenceAsync(UserPreferenceUpdate preference, CancellationToken cancellationToken)
    {
        if (preference.WaId is not { } waId || preference.Value is not ("stop" or "resume") || await ChannelOf(preference.Origin, cancellationToken) is not { } channel)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into contacts (tenant_id, id, phone_number, opted_out) values (@TenantId, @id, @phone, @optedOut)
            on conflict (tenant_id, id) do update set opted_out = excluded.opted_out, updated_at = now()
            """,
            new
            {
                channel.TenantId, id = ConversationAddress.ContactId(channel.TenantId, waId),
                phone = ConversationAddress.PhoneNumber(waId), optedOut = preference.Value == "stop",
            }, cancellationToken: cancellationToken));
    }

    private Task<ChannelRecord?> ChannelOf(WebhookOrigin origin, CancellationToken cancellationToken) =>
        origin.PhoneNumberId is { } phoneNumberId
            ? channels.FindByPhoneNumberIdAsync("whatsapp", phoneNumberId, cancellationToken)
            : Task.FromResult<ChannelRecord?>(null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing webhook {InboxId} failed; it will be retried")]
    private static partial void LogFailed(ILogger logger, long inboxId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No channel or customer for provider message {ProviderMessageId}; skipped")]
    private static partial void LogUnroutable(ILogger logger, string providerMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider reported errors for number {PhoneNumberId}: {Errors}")]
    private static partial void LogProviderErrors(ILogger logger, string? phoneNumberId, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored webhook event {Kind} (field {Field})")]
    private static partial void LogIgnored(ILogger logger, string kind, string field);
}
