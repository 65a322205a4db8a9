using Dapper;
using Npgsql;
using Switchboard.Api.Conversations;
using Switchboard.Api.Templates;
using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Identity;
using Switchboard.Storage.Channels;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// Applies a verified webhook: each message and status becomes a turn of its conversation grain,
/// which is durable when the call returns. Events about one customer go in order; different
/// customers' go in parallel, so a batch of a thousand statuses does not wait on one slow
/// conversation. Applying again is harmless: a message is recorded once per provider id and
/// statuses only move forward, so a webhook half applied before a failure is simply applied again.
/// It tries each grain once: a webhook the cluster cannot take now is kept and applied again later
/// (<see cref="WebhookInbox"/>), rather than held while the provider waits for its answer.
/// </summary>
public sealed partial class WebhookProcessor(
    ConversationGrains conversations,
    ChannelStore channels,
    TemplateStatusNotifier templates,
    NpgsqlDataSource dataSource,
    ILogger<WebhookProcessor> logger)
{
    public async Task ApplyAsync(WebhookNotification notification, DateTimeOffset receivedAt, CancellationToken cancellationToken)
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

        var identity = new ConversationIdentity(channel.TenantId, channel.Id, channel.ChannelType, waId);
        await conversations.ExecuteOnceAsync(identity.Key, new ReceiveMessage(
            identity,
            Ids.Derived("msg", channel.Id, message.ProviderMessageId),
            message.ProviderMessageId,
            message.Content,
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

        var key = new ConversationKey(channel.TenantId, channel.Id, waId);
        await conversations.ExecuteOnceAsync(key,
            new ApplyStatus(status.ProviderMessageId, known, status.Timestamp, status.Errors.FirstOrDefault(), status.BizOpaqueCallbackData), cancellationToken);
    }

    private async Task ApplyPreferenceAsync(UserPreferenceUpdate preference, CancellationToken cancellationToken)
    {
        if (preference.WaId is not { } waId || preference.Value is not ("stop" or "resume") || await ChannelOf(preference.Origin, cancellationToken) is not { } channel)
        {
            return;
        }

        var key = new ConversationKey(channel.TenantId, channel.Id, waId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into contacts (tenant_id, id, phone_number, opted_out) values (@TenantId, @ContactId, @PhoneNumber, @optedOut)
            on conflict (tenant_id, id) do update set opted_out = excluded.opted_out, updated_at = now()
            """,
            new { key.TenantId, key.ContactId, key.PhoneNumber, optedOut = preference.Value == "stop" }, cancellationToken: cancellationToken));
    }

    private Task<ChannelRecord?> ChannelOf(WebhookOrigin origin, CancellationToken cancellationToken) =>
        origin.PhoneNumberId is { } phoneNumberId
            ? channels.FindByPhoneNumberIdAsync("whatsapp", phoneNumberId, cancellationToken)
            : Task.FromResult<ChannelRecord?>(null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No channel or customer for provider message {ProviderMessageId}; skipped")]
    private static partial void LogUnroutable(ILogger logger, string providerMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider reported errors for number {PhoneNumberId}: {Errors}")]
    private static partial void LogProviderErrors(ILogger logger, string? phoneNumberId, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored webhook event {Kind} (field {Field})")]
    private static partial void LogIgnored(ILogger logger, string kind, string field);
}
