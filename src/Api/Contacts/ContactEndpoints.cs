using System.Security.Claims;
using Dapper;
using Npgsql;
using Switchboard.Api.Auth;
using Switchboard.Api.Conversations;
using Switchboard.Api.Problems;
using Switchboard.Grains.Identity;
using Switchboard.Inbox.Conversations;
using Switchboard.Inbox.Contacts;

namespace Switchboard.Api.Contacts;

/// <summary>
/// The tenant's customers. A contact's id is derived from (tenant, E.164 number), so webhook
/// ingestion finds or creates the same contact without a lookup; the number therefore never
/// changes (a new number is a new contact). Agents and API keys with contacts scopes use these.
/// </summary>
public static class ContactEndpoints
{
    public const int NoteMaxLength = 500;
    public const int NameMaxLength = 200;
    public const int LabelMaxLength = 50;
    public const int MaxLabels = 50;
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>A contact. Properties rather than a positional record: Dapper reads text[] columns only into settable properties.</summary>
    public record ContactView
    {
        public required string Id { get; init; }

        public required string PhoneNumber { get; init; }

        public string? Name { get; init; }

        public string? Note { get; init; }

        public string[] Labels { get; init; } = [];

        public bool OptedOut { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }
    }

    public sealed record ContactPage(IReadOnlyList<ContactView> Items, string? NextCursor);

    public sealed record CreateContactRequest(string? PhoneNumber, string? Name, string? Note, string[]? Labels, bool? OptedOut);

    /// <summary>Absent fields stay as they are; an empty name or note clears it.</summary>
    public sealed record UpdateContactRequest(string? PhoneNumber, string? Name, string? Note, string[]? Labels, bool? OptedOut);

    private const string Columns =
        "id as Id, phone_number as PhoneNumber, name as Name, note as Note, labels as Labels, opted_out as OptedOut, created_at as CreatedAt, updated_at as UpdatedAt";

    // The order of the list, and what a cursor remembers.
    private const string SortKey = "lower(coalesce(name, phone_number))";

    public static void MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/api/v1/contacts").WithTags("Contacts");
        contacts.MapGet("/", ListAsync)
            .RequireScope(Scopes.ContactsRead)
            .Produces<ContactPage>()
            .ProducesValidationProblem();
        contacts.MapGet("/{id}", GetAsync)
            .RequireScope(Scopes.ContactsRead)
            .Produces<ContactView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        contacts.MapGet("/{id}/files", FilesAsync)
            .RequireScope(Scopes.ConversationsRead)
            .Produces<ContactFilePage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        contacts.MapPost("/", CreateAsync)
            .RequireScope(Scopes.ContactsWrite)
            .Produces<ContactView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        contacts.MapPatch("/{id}", UpdateAsync)
            .RequireScope(Scopes.ContactsWrite)
            .Produces<ContactView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken,
        string? q = null, string? label = null, string? cursor = null, int? limit = null)
    {
        var validation = new RequestValidation()
            .Check(limit is null or (>= 1 and <= MaxPageSize), "limit", $"limit must be between 1 and {MaxPageSize}.")
            .Check(ContactCursor.TryDecode(cursor, out var after), "cursor", "cursor is not one this API gave out.")
            .Optional("q", q, 200);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var search = ContactSearch.Parse(q);
        var take = limit ?? DefaultPageSize;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ContactRow>(new CommandDefinition(
            $"""
            select {Columns}, {SortKey} as SortKey
            from contacts
            where tenant_id = @TenantId
              and (@Label::text is null or exists (select 1 from unnest(labels) as l where lower(l) = lower(@Label)))
              and (@TextQuery::text is null or to_tsvector('simple', coalesce(name, '') || ' ' || phone_number) @@ to_tsquery('simple', @TextQuery))
              and (@NumberPattern::text is null or phone_number like @NumberPattern)
              and (@AfterKey::text is null or ({SortKey}, id) > (@AfterKey, @AfterId))
            order by {SortKey}, id
            limit @Fetch
            """,
            new
            {
                TenantId = user.TenantId(),
                Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim(),
                search.TextQuery,
                search.NumberPattern,
                AfterKey = after?.SortKey,
                AfterId = after?.Id,
                Fetch = take + 1,
            },
            cancellationToken: cancellationToken))).ToList();

        // One row more than asked says whether there is a next page without counting.
        var page = rows.Take(take).ToList();
        var next = rows.Count > take ? new ContactCursor(page[^1].SortKey, page[^1].Id).Encode() : null;
        return Results.Ok(new ContactPage(page.Select(r => r.ToView()).ToList(), next));
    }

    /// <summary>Every image, video, audio, sticker and document the contact sent or received, in any of their conversations.</summary>
    private static async Task<IResult> FilesAsync(
        string id, ClaimsPrincipal user, ConversationQueries queries, CancellationToken cancellationToken, string? cursor = null, int? limit = null)
    {
        var validation = new RequestValidation()
            .Check(limit is null or (>= 1 and <= MaxPageSize), "limit", $"limit must be between 1 and {MaxPageSize}.")
            .Check(ContactFileCursor.TryDecode(cursor, out var before), "cursor", "cursor is not one this API gave out.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var page = await queries.ContactFilesAsync(user.TenantId(), id, before, limit ?? DefaultPageSize, cancellationToken);
        return page is null ? ApiProblems.NotFound("contact") : Results.Ok(page);
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var contact = await connection.QuerySingleOrDefaultAsync<ContactView>(new CommandDefinition(
            $"select {Columns} from contacts where tenant_id = @TenantId and id = @id",
            new { TenantId = user.TenantId(), id }, cancellationToken: cancellationToken));
        return contact is null ? ApiProblems.NotFound("contact") : Results.Ok(contact);
    }

    private static async Task<IResult> CreateAsync(CreateContactRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!E164.TryNormalize(request.PhoneNumber, out var phoneNumber))
        {
            return InvalidPhoneNumber(request.PhoneNumber);
        }

        var labels = NormalizeLabels(request.Labels);
        var validation = new RequestValidation()
            .Optional("name", request.Name, NameMaxLength)
            .Optional("note", request.Note, NoteMaxLength)
            .CheckLabels(request.Labels);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = user.TenantId();
        var id = Ids.Contact(tenantId, phoneNumber);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var contact = await connection.QuerySingleOrDefaultAsync<ContactView>(new CommandDefinition(
            $"""
            insert into contacts (tenant_id, id, phone_number, name, note, labels, opted_out)
            values (@tenantId, @id, @phoneNumber, @Name, @Note, @labels, @OptedOut)
            on conflict do nothing
            returning {Columns}
            """,
            new { tenantId, id, phoneNumber, Name = Blank(request.Name), Note = Blank(request.Note), labels, OptedOut = request.OptedOut ?? false },
            cancellationToken: cancellationToken));
        return contact is null
            ? ApiProblems.Conflict("contact_exists", $"A contact with number {phoneNumber} already exists.", new Dictionary<string, object?> { ["id"] = id })
            : Results.Created($"/api/v1/contacts/{contact.Id}", contact);
    }

    private static async Task<IResult> UpdateAsync(string id, UpdateContactRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        var validation = new RequestValidation()
            .Optional("name", request.Name, NameMaxLength)
            .Optional("note", request.Note, NoteMaxLength)
            .CheckLabels(request.Labels)
            .Check(
                request.PhoneNumber is null || (E164.TryNormalize(request.PhoneNumber, out var number) && Ids.Contact(tenantId, number) == id),
                "phoneNumber",
                "A contact's phone number cannot change (its id is derived from it); create a contact for the new number.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var contact = await connection.QuerySingleOrDefaultAsync<ContactView>(new CommandDefinition(
            $"""
            update contacts set
                name = case when @Name::text is null then name else nullif(@Name, '') end,
                note = case when @Note::text is null then note else nullif(@Note, '') end,
                labels = coalesce(@Labels::text[], labels),
                opted_out = coalesce(@OptedOut, opted_out),
                updated_at = now()
            where tenant_id = @tenantId and id = @id
            returning {Columns}
            """,
            new { tenantId, id, Name = request.Name?.Trim(), Note = request.Note?.Trim(), Labels = request.Labels is null ? null : NormalizeLabels(request.Labels), request.OptedOut },
            cancellationToken: cancellationToken));
        return contact is null ? ApiProblems.NotFound("contact") : Results.Ok(contact);
    }

    private static IResult InvalidPhoneNumber(string? given) =>
        ApiProblems.Of(
            StatusCodes.Status400BadRequest,
            "invalid_phone_number",
            "Invalid phone number",
            $"phoneNumber must be {E164.Rule}.",
            new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { ["phoneNumber"] = [given is null ? "phoneNumber is required." : $"'{given}' is not {E164.Rule}."] },
            });

    private static RequestValidation CheckLabels(this RequestValidation validation, string[]? labels) =>
        validation
            .Check(labels is null || labels.Length <= MaxLabels, "labels", $"A contact has at most {MaxLabels} labels.")
            .Check(labels is null || labels.All(l => !string.IsNullOrWhiteSpace(l) && l.Trim().Length <= LabelMaxLength), "labels", $"Each label must be 1 to {LabelMaxLength} characters.");

    /// <summary>Trimmed, without repeats (case-insensitive, first spelling kept).</summary>
    private static string[] NormalizeLabels(string[]? labels) =>
        (labels ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A listed contact with the key it sorts by, which the next page's cursor starts after.</summary>
    private sealed record ContactRow : ContactView
    {
        public required string SortKey { get; init; }

        public ContactView ToView() => new ContactView
        {
            Id = Id, PhoneNumber = PhoneNumber, Name = Name, Note = Note, Labels = Labels, OptedOut = OptedOut, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        };
    }
}
