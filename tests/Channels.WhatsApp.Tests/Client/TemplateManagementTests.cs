using System.Text.Json;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Channels.WhatsApp.Errors;
using Switchboard.Channels.WhatsApp.Templates;
using Switchboard.Channels.WhatsApp.Tests.Emulator;

namespace Switchboard.Channels.WhatsApp.Tests.Client;

/// <summary>Creating, listing (with paging) and deleting templates through the Business Management API (spec §4).</summary>
[Collection(EmulatorCollection.Name)]
public sealed class TemplateManagementTests(EmulatorHost host)
{
    private static TemplateCreation Utility(string name) => new(
        name,
        "en_US",
        "UTILITY",
        JsonDocument.Parse("""
            [{"type":"BODY","text":"Hi {{1}}! Your order number is {{2}}.","example":{"body_text":[["Pablo","860198-230332"]]}},
             {"type":"FOOTER","text":"Thank you"}]
            """).RootElement);

    [Fact]
    public async Task A_created_template_is_pending_review_with_its_id_and_category()
    {
        var number = await host.RegisterNumberAsync();

        var created = Assert.IsType<WhatsAppResult<CreatedTemplate>.Success>(await host.Client.CreateTemplateAsync(number.Credentials, Utility("order_confirmation"))).Value;

        Assert.Matches("^[0-9]+$", created.Id);
        Assert.Equal("PENDING", created.Status);
        Assert.Equal("UTILITY", created.Category);
    }

    [Fact]
    public async Task A_template_is_created_with_meta_s_creation_body()
    {
        var number = await host.RegisterNumberAsync();

        await host.Client.CreateTemplateAsync(number.Credentials, Utility("order_confirmation") with { ParameterFormat = "positional" });

        var request = (await host.Control.RequestsAsync(number.WabaId, "POST", "/message_templates", atLeast: 1))[0];
        WireJson.Equal("""
            {"name":"order_confirmation","language":"en_US","category":"UTILITY","parameter_format":"positional",
             "components":[{"type":"BODY","text":"Hi {{1}}! Your order number is {{2}}.","example":{"body_text":[["Pablo","860198-230332"]]}},
                           {"type":"FOOTER","text":"Thank you"}]}
            """, System.Text.Json.Nodes.JsonNode.Parse(request["body"]!.GetValue<string>())!);
    }

    [Fact]
    public async Task Listing_follows_the_paging_cursor_to_the_last_page()
    {
        var number = await host.RegisterNumberAsync();
        foreach (var name in new[] { "first_notice", "second_notice", "third_notice" })
        {
            Assert.True((await host.Client.CreateTemplateAsync(number.Credentials, Utility(name))).IsSuccess);
        }

        var first = Assert.IsType<WhatsAppResult<TemplatePage>.Success>(await host.Client.ListTemplatesAsync(number.Credentials, new TemplateQuery(Limit: 2))).Value;
        var second = Assert.IsType<WhatsAppResult<TemplatePage>.Success>(await host.Client.ListTemplatesAsync(number.Credentials, new TemplateQuery(After: first.NextCursor, Limit: 2))).Value;

        Assert.Equal(2, first.Templates.Count);
        Assert.NotNull(first.NextCursor);
        Assert.Single(second.Templates);
        Assert.Null(second.NextCursor);
        Assert.Equal(["first_notice", "second_notice", "third_notice"], first.Templates.Concat(second.Templates).Select(t => t.Name).Order());
    }

    [Fact]
    public async Task Listing_everything_gathers_all_pages()
    {
        var number = await host.RegisterNumberAsync();
        var names = Enumerable.Range(1, 5).Select(i => $"notice_{i}").ToList();
        foreach (var name in names)
        {
            await host.Client.CreateTemplateAsync(number.Credentials, Utility(name));
        }

        var client = host.ClientWith(options => options.TemplatePageSize = 2);
        var all = Assert.IsType<WhatsAppResult<IReadOnlyList<WhatsAppTemplate>>.Success>(await client.ListAllTemplatesAsync(number.Credentials)).Value;

        Assert.Equal(names, all.Select(t => t.Name).Order());
        Assert.All(all, t => Assert.Equal("en_US", t.Language));
        Assert.All(all, t => Assert.Contains("BODY", t.ComponentsJson, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deleted_template_is_no_longer_listed()
    {
        var number = await host.RegisterNumberAsync();
        await host.Client.CreateTemplateAsync(number.Credentials, Utility("keep_me"));
        await host.Client.CreateTemplateAsync(number.Credentials, Utility("drop_me"));

        Assert.IsType<WhatsAppResult<Acknowledged>.Success>(await host.Client.DeleteTemplateAsync(number.Credentials, "drop_me"));

        var all = Assert.IsType<WhatsAppResult<IReadOnlyList<WhatsAppTemplate>>.Success>(await host.Client.ListAllTemplatesAsync(number.Credentials)).Value;
        Assert.Equal(["keep_me"], all.Select(t => t.Name));
    }

    [Fact]
    public async Task Deleting_an_unknown_template_fails_with_meta_s_not_found_details()
    {
        var number = await host.RegisterNumberAsync();

        var error = Assert.IsType<WhatsAppResult<Acknowledged>.Failure>(await host.Client.DeleteTemplateAsync(number.Credentials, "fake_name")).Error;

        Assert.Equal(100, error.Code);
        Assert.Equal(2593002, error.Subcode);
        Assert.Equal("Message Template Not Found", error.UserTitle);
        Assert.False(error.CanRetry);
    }

    [Fact]
    public async Task Template_management_without_a_waba_id_is_refused_before_anything_is_sent()
    {
        var number = await host.RegisterNumberAsync();

        var result = await host.Client.ListTemplatesAsync(number.Credentials with { WabaId = null });

        Assert.Equal(WhatsAppErrorSource.Client, Assert.IsType<WhatsAppResult<TemplatePage>.Failure>(result).Error.Source);
    }
}
