using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Npgsql;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Storage.Channels;
using Switchboard.Grains.Identity;
using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Json;
using Switchboard.Inbox.Conversations;

namespace Switchboard.Api.Conversations;

/// <summary>
/// The agent's conversations: lists and timelines read from the projection tables; every change
/// is a command to the conversation grain, whose refusal (a closed window) becomes a problem.
/// </summary>
public static partial class ConversationEndpoints
{
    public sealed record StartConversationRequest(string? ChannelId, string? To, JsonElement Template);

    public sealed record AssignRequest(string? AgentId);

    public sealed record ParticipantRequest(string? AgentId);

    public sealed record StatusRequest(string? Status, DateTimeOffset? SnoozedUntil);

    public sealed record LabelsRequest(IReadOnlyList<string>? Labels);

    public sealed record NoteRequest(string? Text);

    public static void MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/v1/conversations").WithTags("Conversations");
        var one = conversations.MapGroup("/{id}").AddEndpointFilter<ConversationRoute.Filter>();
        conversations.MapGet("/", ListAsync).RequireScope(Scopes.ConversationsRead).Produces<ConversationPage>();
        conversations.MapPost("/", StartAsync).RequireScope(Scopes.ConversationsWrite).Produces<ConversationView>(201).ProducesProblem(404).ProducesProblem(422);
        one.MapGet("", GetAsync).RequireScope(Scopes.ConversationsRead).Produces<ConversationView>().ProducesProblem(404);
        one.MapGet("/messages", MessagesAsync).RequireScope(Scopes.ConversationsRead).Produces<MessagePage>();
        one.MapPost("/messages", SendAsync).RequireScope(Scopes.MessagesSend).Produces<MessageAccepted>(202).ProducesProblem(409);
        one.MapPost("/assign", AssignAsync).RequireScope(Scopes.ConversationsWrite);
        one.MapPost("/participants", AddParticipantAsync).RequireScope(Scopes.ConversationsWrite);
        one.MapDelete("/participants/{agentId}", RemoveParticipantAsync).RequireScope(Scopes.ConversationsWrite);
        one.MapPost("/leave", LeaveAsync).RequireAuthorization(AuthSetup.AgentPolicy);
        one.MapPost("/status", SetStatusAsync).RequireScope(Scopes.ConversationsWrite);
        one.MapPost("/labels", SetLabelsAsync).RequireScope(Scopes.ConversationsWrite);
        one.MapPost("/notes", AddNoteAsync).RequireAuthorization(AuthSetup.AgentPolicy);
        one.MapPost("/read", MarkReadAsync).RequireAuthorization(AuthSetup.AgentPolicy);
        one.MapPost("/bot/exit", ExitBotAsync).RequireScope(Scopes.ConversationsWrite);
        one.MapGet("/scheduled-messages", ScheduledAsync).RequireScope(Scopes.ConversationsRead).Produces<IReadOnlyList<ScheduledMessageView>>();
        one.MapPost("/scheduled-messages", ScheduleAsync).RequireScope(Scopes.MessagesSend).Produces<ScheduledMessageView>(201);
        one.MapDelete("/scheduled-messages/{messageId}", CancelScheduledAsync).RequireScope(Scopes.MessagesSend);
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, ConversationQueries queries, string? view, string? status, string? label, string? channelId, string? q, string? cursor, int? limit,
        CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Check(view is null or "mine" or "unassigned" or "all", "view", "view must be mine, unassigned or all.")
            .Check(view != "mine" || user.AgentId() is not null, "view", "view=mine needs a signed-in agent.")
            .Check(status is null or "open" or "pending" or "resolved" or "snoozed", "status", "status must be open, pending, resolved or snoozed.")
            .Optional("q", q, 200);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        try
        {
            return Results.Ok(await queries.ListAsync(user.TenantId(), new ConversationFilter(view, user.AgentId(), status, label, channelId, q?.Trim(), cursor, limit), cancellationToken));
        }
        catch (BadCursorException ex)
        {
            return ApiProblems.Validation("cursor", ex.Message);
        }
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, ConversationQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(user.TenantId(), id, cancellationToken) is { } conversation ? Results.Ok(conversation) : ApiProblems.NotFound("conversation");

    private static async Task<IResult> MessagesAsync(ConversationRoute conversation, long? before, int? limit, ConversationQueries queries, CancellationToken cancellationToken) =>
        Results.Ok(await queries.MessagesAsync(conversation.Key.TenantId, conversation.Id, before, limit, cancellationToken));

    private static async Task<IResult> StartAsync(
        StartConversationRequest request, ClaimsPrincipal user, ChannelStore channels, OutboundContentParser parser, ConversationGrains grains, ConversationQueries queries, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Require("channelId", request.ChannelId, 100).Require("to", request.To, 20);
        if (request.To is not null && !PhoneNumbers.IsE164(request.To))
        {
            return ApiProblems.Of(422, "invalid_phone_number", "Invalid phone number", "to must be an E.164 number: '+', the country code, then 8 to 15 digits in all.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = user.TenantId();
        var channel = await channels.FindAsync(tenantId, request.ChannelId!, cancellationToken);
        if (channel is null)
        {
            return ApiProblems.NotFound("channel");
        }

        if (!channel.IsHealthy)
        {
            return ApiProblems.Conflict("channel_unavailable", $"The number {channel.DisplayPhoneNumber} is {channel.Status} and cannot send.");
        }

        var (template, refusal) = await parser.TemplateFromAsync(tenantId, request.Template, validation, cancellationToken);
        if (refusal is not null || !validation.IsValid)
        {
            return refusal ?? validation.ToProblem();
        }

        var identity = new ConversationIdentity(tenantId, channel.Id, channel.ChannelType, PhoneNumbers.WaId(request.To!));
        var outcome = await grains.ExecuteAsync(identity.Key, new StartWithTemplate(identity, Ids.New("msg"), template!, Author(user)), cancellationToken);
        if (outcome.Rejection is { } rejection)
        {
            return ApiProblems.FromRejection(rejection);
        }

        var conversationId = identity.Key.ConversationId;
        var view = await queries.FindAsync(tenantId, conversationId, cancellationToken);
        return Results.Created($"/api/v1/conversations/{conversationId}", view);
    }

    private static async Task<IResult> SendAsync(
        ConversationRoute conversation, JsonElement body, HttpRequest http, ClaimsPrincipal user, OutboundContentParser parser,
        ConversationGrains grains, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        var parsed = await parser.ParseAsync(tenantId, body, cancellationToken);
        if (parsed.Problem is not null)
        {
            return parsed.Problem;
        }

        // With an Idempotency-Key the message id is derived from it, so a retried request is the same command.
        var idempotencyKey = http.Headers["Idempotency-Key"].ToString();
        var messageId = idempotencyKey.Length > 0 ? Ids.Derived("msg", tenantId, user.Actor(), idempotencyKey) : Ids.New("msg");
        var outcome = await grains.ExecuteAsync(conversation.Key,
            new SendMessage(messageId, parsed.Content!, Author(user), parsed.ReplyTo, parsed.HoldIfWindowClosed), cancellationToken);
        if (outcome.Rejection is { } rejection)
        {
            return ApiProblems.FromRejection(rejection);
        }

        // A repeated request (same Idempotency-Key) answers as the first did: held if the message still waits.
        var held = outcome.Duplicate
            ? (await grains.ReadAsync(conversation.Key, cancellationToken)).State.Held.Exists(h => h.Id == messageId)
            : outcome.Events.Any(e => e is MessageHeld h && h.Message.Id == messageId);
        var status = held ? "held" : "queued";
        return Results.Accepted($"/api/v1/conversations/{conversation.Id}/messages/{messageId}", new MessageAccepted(messageId, status));
    }

    private static async Task<IResult> AssignAsync(
        ConversationRoute conversation, AssignRequest request, ClaimsPrincipal user, ConversationQueries queries, NpgsqlDataSource dataSource, ConversationGrains grains, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        AgentRef? agent = null;
        if (request.AgentId is { } agentId)
        {
            var found = await FindAgentAsync(dataSource, tenantId, agentId, cancellationToken);
            if (found is null)
            {
                return ApiProblems.Validation("agentId", "There is no active agent with that id.");
            }

            agent = new AgentRef(found.Id, found.Name);
            if (await OpenAssignedCountAsync(dataSource, tenantId, agentId, conversation.Id, cancellationToken) >= found.Capacity)
            {
                return ApiProblems.Conflict("agent_at_capacity", $"{found.Name} already has {found.Capacity} open conversations.");
            }
        }

        return await CommandAsync(grains, conversation, new Assign(agent, Author(user)), queries, cancellationToken);
    }

    private static async Task<IResult> AddParticipantAsync(
        ConversationRoute conversation, ParticipantRequest request, ClaimsPrincipal user, ConversationQueries queries, NpgsqlDataSource dataSource, ConversationGrains grains, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        if (request.AgentId is null || await FindAgentAsync(dataSource, tenantId, request.AgentId, cancellationToken) is not { } agent)
        {
            return ApiProblems.Validation("agentId", "There is no active agent with that id.");
        }

        return await CommandAsync(grains, conversation, new AddParticipant(new AgentRef(agent.Id, agent.Name), Author(user)), queries, cancellationToken);
    }

    private static async Task<IResult> RemoveParticipantAsync(
        ConversationRoute conversation, string agentId, ClaimsPrincipal user, ConversationQueries queries, ConversationGrains grains, CancellationToken cancellationToken) =>
        await CommandAsync(grains, conversation, new RemoveParticipant(agentId, Author(user)), queries, cancellationToken);

    private static async Task<IResult> LeaveAsync(
        ConversationRoute conversation, ClaimsPrincipal user, ConversationQueries queries, NpgsqlDataSource dataSource, ConversationGrains grains, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var leaveText = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "select leave_message from tenants where id = @tenantId", new { tenantId }, cancellationToken: cancellationToken));
        var leave = new Leave(Me(user), leaveText is { Length: > 0 } text ? new LeaveMessage(Ids.New("msg"), text) : null);
        return await CommandAsync(grains, conversation, leave, queries, cancellationToken);
    }

    private static async Task<IResult> SetStatusAsync(
        ConversationRoute conversation, StatusRequest request, ClaimsPrincipal user, ConversationQueries queries, ConversationGrains grains, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ConversationStatus>(request.Status, ignoreCase: true, out var status) || int.TryParse(request.Status, out _))
        {
            return ApiProblems.Validation("status", "status must be open, pending, resolved or snoozed.");
        }

        return await CommandAsync(grains, conversation, new SetStatus(status, Author(user), request.SnoozedUntil), queries, cancellationToken);
    }

    private static async Task<IResult> SetLabelsAsync(
        ConversationRoute conversation, LabelsRequest request, ClaimsPrincipal user, ConversationQueries queries, NpgsqlDataSource dataSource, ConversationGrains grains, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        if (request.Labels is null)
        {
            return ApiProblems.Validation("labels", "labels (a list of label names) is required.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var known = (await connection.QueryAsync<string>(new CommandDefinition(
            "select name from labels where tenant_id = @tenantId and lower(name) = any(@names)",
            new { tenantId, names = request.Labels.Select(l => l.ToLowerInvariant()).ToArray() }, cancellationToken: cancellationToken))).ToList();
        var unknown = request.Labels.Where(l => !known.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            return ApiProblems.Validation("labels", $"Unknown label(s): {string.Join(", ", unknown)}. Create them first.");
        }

        var canonical = request.Labels.Select(l => known.First(k => k.Equals(l, StringComparison.OrdinalIgnoreCase))).ToList();
        return await CommandAsync(grains, conversation, new SetLabels(canonical, Author(user)), queries, cancellationToken);
    }

    private static async Task<IResult> AddNoteAsync(
        ConversationRoute conversation, NoteRequest request, ClaimsPrincipal user, ConversationQueries queries, ConversationGrains grains, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Require("text", request.Text, 4096);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var noteId = Ids.New("note");
        var outcome = await grains.ExecuteAsync(conversation.Key, new AddNote(noteId, Me(user), request.Text!.Trim()), cancellationToken);
        return outcome.Rejection is { } rejection
            ? ApiProblems.FromRejection(rejection)
            : Results.Created($"/api/v1/conversations/{conversation.Id}/messages/{noteId}", await queries.MessageAsync(user.TenantId(), conversation.Id, noteId, cancellationToken));
    }

    private static async Task<IResult> MarkReadAsync(
        ConversationRoute conversation, ClaimsPrincipal user, ConversationQueries queries, ConversationGrains grains, CancellationToken cancellationToken) =>
        await CommandAsync(grains, conversation, new MarkRead(user.AgentId()!), queries, cancellationToken);

    private static async Task<IResult> ExitBotAsync(
        ConversationRoute conversation, ClaimsPrincipal user, ConversationQueries queries, ConversationGrains grains, CancellationToken cancellationToken) =>
        await CommandAsync(grains, conversation, new ExitBot(Author(user), "Exited by an agent"), queries, cancellationToken);

    private static async Task<IResult> ScheduledAsync(
        ConversationRoute conversation, ClaimsPrincipal user, ConversationGrains grains, CancellationToken cancellationToken)
    {
        var snapshot = await grains.ReadAsync(conversation.Key, cancellationToken);
        return Results.Ok(snapshot.State.Scheduled.Select(ToView).ToList());
    }

    private static async Task<IResult> ScheduleAsync(
        ConversationRoute conversation, JsonElement body, ClaimsPrincipal user, OutboundContentParser parser, ConversationGrains grains, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        var validation = new RequestValidation();
        DateTimeOffset? sendAt = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("sendAt", out var at) && at.TryGetDateTimeOffset(out var parsedAt) ? parsedAt : null;
        validation.Check(sendAt is not null, "sendAt", "sendAt (an ISO-8601 time) is required.");
        var parsed = await parser.ParseAsync(tenantId, body, cancellationToken);
        if (parsed.Problem is not null)
        {
            return parsed.Problem;
        }

        Grains.Messages.TemplateContent? fallback = null;
        if (body.TryGetProperty("templateFallback", out var fallbackElement) && fallbackElement.ValueKind == JsonValueKind.Object)
        {
            var (template, refusal) = await parser.TemplateFromAsync(tenantId, fallbackElement, validation, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            fallback = template;
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var messageId = Ids.New("msg");
        var outcome = await grains.ExecuteAsync(conversation.Key, new ScheduleMessage(messageId, parsed.Content!, sendAt!.Value, Author(user), fallback, parsed.ReplyTo), cancellationToken);
        if (outcome.Rejection is { } rejection)
        {
            return ApiProblems.FromRejection(rejection);
        }

        var scheduled = outcome.Events.OfType<MessageScheduled>().Single(s => s.Message.Id == messageId).Message;
        return Results.Created($"/api/v1/conversations/{conversation.Id}/scheduled-messages/{messageId}", ToView(scheduled));
    }

    private static async Task<IResult> CancelScheduledAsync(
        ConversationRoute conversation, string messageId, ClaimsPrincipal user, ConversationGrains grains, CancellationToken cancellationToken)
    {
        var outcome = await grains.ExecuteAsync(conversation.Key, new CancelScheduledMessage(messageId, Author(user)), cancellationToken);
        return outcome.Rejection is { } rejection ? ApiProblems.FromRejection(rejection) : Results.NoContent();
    }

    /// <summary>Runs a command and answers with the conversation as it now is.</summary>
    private static async Task<IResult> CommandAsync(
        ConversationGrains grains, ConversationRoute conversation, ConversationCommand command, ConversationQueries queries, CancellationToken cancellationToken)
    {
        var outcome = await grains.ExecuteAsync(conversation.Key, command, conversation.ExpectedSequence, cancellationToken);
        return outcome.Rejection is { } rejection
            ? ApiProblems.FromRejection(rejection)
            : Results.Ok(await queries.FindAsync(conversation.Key.TenantId, conversation.Id, cancellationToken));
    }

    private static MessageAuthor Author(ClaimsPrincipal user) =>
        user.AgentId() is { } agentId ? MessageAuthor.Agent(agentId, user.Identity?.Name) : MessageAuthor.Api(user.ApiKeyId() ?? "unknown");

    private static AgentRef Me(ClaimsPrincipal user) => new(user.AgentId()!, user.Identity?.Name);

    private static ScheduledMessageView ToView(ScheduledMessage message) => new(
        message.Id,
        JsonSerializer.SerializeToElement(message.Content, ContractJson.Options),
        message.Content.Preview,
        message.SendAt,
        new AuthorView(JsonNamingPolicy.SnakeCaseLower.ConvertName(message.Author.Kind.ToString()), message.Author.Id, message.Author.Name),
        message.CreatedAt,
        message.TemplateFallback is not null);

    private static async Task<AgentRow?> FindAgentAsync(NpgsqlDataSource dataSource, string tenantId, string agentId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AgentRow>(new CommandDefinition(
            "select id as Id, name as Name, capacity as Capacity from agents where tenant_id = @tenantId and id = @agentId and active",
            new { tenantId, agentId }, cancellationToken: cancellationToken));
    }

    private static async Task<int> OpenAssignedCountAsync(NpgsqlDataSource dataSource, string tenantId, string agentId, string exceptConversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*) from conversations where tenant_id = @tenantId and assignee_id = @agentId and status in ('open', 'pending') and id <> @exceptConversationId",
            new { tenantId, agentId, exceptConversationId }, cancellationToken: cancellationToken));
    }

    private sealed record AgentRow(string Id, string Name, int Capacity);
}
