using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Conversations;

/// <summary>Starting points for conversation tests: a tenant with a number and a customer who wrote.</summary>
public static class ConversationScenes
{
    public sealed record Scene(TenantSession Tenant, ChannelSeeds.ChannelSecrets Number, string ChannelId, string ConversationId, string WaId);

    public static async Task<Scene> CustomerWroteAsync(this ApiFactory api, DateTimeOffset? sentAt = null, string text = "Hello")
    {
        var tenant = await api.CreateTenantAsync();
        var number = ChannelSeeds.NewSecrets();
        var channel = await tenant.AddChannelAsync(number);
        var waId = "1555" + ChannelSeeds.RandomDigits(7);
        var conversation = await tenant.CustomerWritesAsync(number, waId, text, sentAt);
        return new Scene(tenant, number, channel.GetProperty("id").GetString()!, conversation.GetProperty("id").GetString()!, waId);
    }

    /// <summary>An approved template, as the provider's review webhook would leave it.</summary>
    public static async Task ApprovedTemplateAsync(this ApiFactory api, string tenantId, string name, string body, string status = "approved")
    {
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into templates (tenant_id, id, name, language, category, components, status)
            values (@tenantId, @id, @name, 'en_US', 'utility', @components::jsonb, @status)
            """,
            new
            {
                tenantId, id = "tp_" + Guid.NewGuid().ToString("N"), name, status,
                components = JsonSerializer.Serialize(new[] { new { type = "BODY", text = body } }),
            });
    }

    public static async Task<JsonElement> TimelineAsync(this Scene scene) =>
        await scene.Tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{scene.ConversationId}/messages");

    public static async Task<JsonElement> ConversationAsync(this Scene scene) =>
        await scene.Tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{scene.ConversationId}");
}
