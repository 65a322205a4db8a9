using Dapper;
using Switchboard.Api.Tests.Infrastructure;
using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Grains.Identity;
using Switchboard.Storage.Templates;
using Switchboard.Testing;

namespace Switchboard.Api.Tests.Templates;

/// <summary>Template status webhooks applied straight to the database, as webhook ingestion calls the store.</summary>
public sealed class The_template_status_store(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private TemplateStatusStore Store => new(database.DataSource);

    [Fact]
    public async Task An_approval_found_by_the_providers_id_marks_the_template_approved_and_reports_it()
    {
        var seed = await SeedAsync(status: "pending", providerId: "1689556908129832");

        var changes = await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, "APPROVED", templateId: "1689556908129832"), CancellationToken.None);

        var change = Assert.Single(changes);
        Assert.Equal(new TemplateStatusChanged(seed.TenantId, seed.TemplateId, "order_confirmation", "en_US", "approved", null), change);
        Assert.Equal("approved", await StatusAsync(seed));
    }

    [Fact]
    public async Task A_rejection_stores_the_reason_and_the_recommendation()
    {
        var seed = await SeedAsync(status: "pending", providerId: "2001");
        var update = Update(seed.WabaId, "REJECTED", templateId: "2001") with
        {
            Reason = "INVALID_FORMAT",
            RejectionReason = "Your template has parameters placed next to each other.",
            RejectionRecommendation = "Separate parameters with descriptive text.",
        };

        var change = Assert.Single(await Store.ApplyAsync(seed.WabaId, update, CancellationToken.None));

        Assert.Equal("rejected", change.Status);
        Assert.Equal("Your template has parameters placed next to each other. (INVALID_FORMAT)", change.Reason);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string Reason, string Recommendation)>(
            "select rejection_reason, rejection_recommendation from templates where tenant_id = @TenantId and id = @TemplateId", seed);
        Assert.Equal(change.Reason, row.Reason);
        Assert.Equal("Separate parameters with descriptive text.", row.Recommendation);
    }

    [Fact]
    public async Task A_pause_keeps_why_in_the_reason()
    {
        var seed = await SeedAsync(status: "approved", providerId: "2002");
        var update = Update(seed.WabaId, "PAUSED", templateId: "2002") with { OtherInfoTitle = "FIRST_PAUSE", OtherInfoDescription = "Low quality rating." };

        var change = Assert.Single(await Store.ApplyAsync(seed.WabaId, update, CancellationToken.None));

        Assert.Equal("paused", change.Status);
        Assert.Equal("FIRST_PAUSE: Low quality rating.", change.Reason);
    }

    [Fact]
    public async Task An_approval_after_a_rejection_clears_the_rejection()
    {
        var seed = await SeedAsync(status: "pending", providerId: "2003");
        await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, "REJECTED", templateId: "2003") with { Reason = "PROMOTIONAL" }, CancellationToken.None);

        var change = Assert.Single(await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, "APPROVED", templateId: "2003", at: Noon.AddMinutes(5)), CancellationToken.None));

        Assert.Equal("approved", change.Status);
        Assert.Null(change.Reason);
    }

    [Theory]
    [InlineData("PENDING", "pending")]
    [InlineData("DISABLED", "disabled")]
    [InlineData("REINSTATED", "approved")]
    [InlineData("FLAGGED", "flagged")]
    [InlineData("PENDING_DELETION", "pending_deletion")]
    public async Task Metas_events_become_lower_case_statuses(string providerEvent, string status)
    {
        var seed = await SeedAsync(status: "paused", providerId: Ids.New("p"));

        var change = Assert.Single(await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, providerEvent, templateId: seed.ProviderId), CancellationToken.None));

        Assert.Equal(status, change.Status);
    }

    [Fact]
    public async Task A_review_that_beats_the_stored_id_is_matched_by_name_and_language()
    {
        var seed = await SeedAsync(status: "draft", providerId: null);

        var changes = await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, "APPROVED", templateId: "3001", name: "order_confirmation", language: "en_US"), CancellationToken.None);

        Assert.Equal(seed.TemplateId, Assert.Single(changes).TemplateId);
    }

    [Fact]
    public async Task A_template_with_another_providers_id_is_not_matched_by_name()
    {
        var seed = await SeedAsync(status: "pending", providerId: "4001");

        var changes = await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, "APPROVED", templateId: "4002"), CancellationToken.None);

        Assert.Empty(changes);
        Assert.Equal("pending", await StatusAsync(seed));
    }

    [Fact]
    public async Task A_draft_never_bound_to_a_number_is_not_touched()
    {
        var seed = await SeedAsync(status: "draft", providerId: null, bindChannel: false);

        var changes = await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, "APPROVED"), CancellationToken.None);

        Assert.Empty(changes);
        Assert.Equal("draft", await StatusAsync(seed));
    }

    [Fact]
    public async Task Another_business_accounts_templates_are_untouched()
    {
        var mine = await SeedAsync(status: "pending", providerId: null);
        var theirs = await SeedAsync(status: "pending", providerId: null);

        var changes = await Store.ApplyAsync(mine.WabaId, Update(mine.WabaId, "APPROVED"), CancellationToken.None);

        Assert.Equal(mine.TemplateId, Assert.Single(changes).TemplateId);
        Assert.Equal("pending", await StatusAsync(theirs));
    }

    [Fact]
    public async Task A_repeated_event_changes_nothing_and_reports_nothing()
    {
        var seed = await SeedAsync(status: "pending", providerId: "5001");
        await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, "APPROVED", templateId: "5001"), CancellationToken.None);

        var again = await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, "APPROVED", templateId: "5001"), CancellationToken.None);

        Assert.Empty(again);
    }

    [Fact]
    public async Task An_event_older_than_the_last_one_applied_is_ignored()
    {
        var seed = await SeedAsync(status: "pending", providerId: "6001");
        await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, "PAUSED", templateId: "6001", at: Noon.AddHours(1)), CancellationToken.None);

        var late = await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, "APPROVED", templateId: "6001", at: Noon), CancellationToken.None);

        Assert.Empty(late);
        Assert.Equal("paused", await StatusAsync(seed));
    }

    [Fact]
    public async Task A_template_whose_number_was_removed_still_gets_its_review()
    {
        var seed = await SeedAsync(status: "pending", providerId: "7001");
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update channels set deleted_at = now() where tenant_id = @TenantId", seed);
        }

        var changes = await Store.ApplyAsync(seed.WabaId, Update(seed.WabaId, "APPROVED", templateId: "7001"), CancellationToken.None);

        Assert.Single(changes);
    }

    private sealed record Seed(string TenantId, string TemplateId, string WabaId, string? ProviderId);

    /// <summary>A tenant with a WhatsApp number in a business account of its own and one template.</summary>
    private async Task<Seed> SeedAsync(string status, string? providerId, bool bindChannel = true)
    {
        var seed = new Seed(Ids.New("tn"), Ids.New("tp"), ChannelSeeds.RandomDigits(15), providerId);
        var channelId = Ids.New("ch");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("insert into tenants (id, name) values (@TenantId, 'Status store tenant')", seed);
        await connection.ExecuteAsync(
            """
            insert into channels (tenant_id, id, type, name, display_phone_number, phone_number_id, waba_id, access_token, app_secret, verify_token, graph_base_url)
            values (@TenantId, @channelId, 'whatsapp', 'Main', '+15550100', @phoneNumberId, @WabaId, 'token', 'secret', 'verify', 'http://127.0.0.1:9')
            """,
            new { seed.TenantId, channelId, phoneNumberId = ChannelSeeds.RandomDigits(15), seed.WabaId });
        await connection.ExecuteAsync(
            """
            insert into templates (tenant_id, id, name, language, category, components, body_parameter_count, status, provider_template_id, channel_id)
            values (@TenantId, @TemplateId, 'order_confirmation', 'en_US', 'utility', '[{"type":"BODY","text":"Hello there"}]', 0, @status, @ProviderId, @channel)
            """,
            new { seed.TenantId, seed.TemplateId, status, seed.ProviderId, channel = bindChannel ? channelId : null });
        return seed;
    }

    private async Task<string> StatusAsync(Seed seed)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<string>("select status from templates where tenant_id = @TenantId and id = @TemplateId", seed);
    }

    private static TemplateStatusUpdate Update(
        string wabaId, string providerEvent, string? templateId = null, string name = "order_confirmation", string language = "en_US", DateTimeOffset? at = null) =>
        new(
            new WebhookOrigin(wabaId, "message_template_status_update", EntryTime: at ?? Noon),
            templateId, name, language, providerEvent, "NONE", "UTILITY", null, null, null, null, null, "{}");
}
