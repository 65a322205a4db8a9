using Switchboard.Channels.WhatsApp.Webhooks;

namespace Switchboard.Channels.WhatsApp.Tests.Webhooks;

/// <summary>Fields other than messages: template status updates, marketing preferences, and fields without a typed view.</summary>
public sealed class AccountChangeParsingTests
{
    [Fact]
    public void An_approved_template_update_carries_id_name_category_and_normalised_language()
    {
        var update = Assert.Single(Corpus.Parse("template_status_approved.json").TemplateStatusUpdates);

        Assert.Equal("APPROVED", update.Event);
        Assert.Equal("1689556908129832", update.TemplateId);
        Assert.Equal("order_confirmation", update.Name);
        Assert.Equal("en_US", update.Language);
        Assert.Equal("UTILITY", update.Category);
        Assert.Equal("NONE", update.Reason);
        Assert.Equal("102290129340398", update.Origin.WabaId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1751247548), update.Origin.EntryTime);
        Assert.Null(update.Origin.PhoneNumberId);
    }

    [Fact]
    public void A_rejected_template_update_carries_the_reason_and_meta_s_recommendation()
    {
        var update = Assert.Single(Corpus.Parse("template_status_rejected.json").TemplateStatusUpdates);

        Assert.Equal("REJECTED", update.Event);
        Assert.Equal("INVALID_FORMAT", update.Reason);
        Assert.StartsWith("Your template has parameters placed next to each other", update.RejectionReason, StringComparison.Ordinal);
        Assert.StartsWith("Separate parameters", update.RejectionRecommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paused_template_update_with_a_null_reason_carries_the_pause_info()
    {
        var update = Assert.Single(Corpus.Parse("template_status_paused.json").TemplateStatusUpdates);

        Assert.Equal("PAUSED", update.Event);
        Assert.Null(update.Reason);
        Assert.Equal("FIRST_PAUSE", update.OtherInfoTitle);
        Assert.Equal("pt_BR", update.Language);
    }

    [Fact]
    public void A_disabled_template_update_with_string_ids_carries_the_disable_date()
    {
        var update = Assert.Single(Corpus.Parse("template_status_disabled.json").TemplateStatusUpdates);

        Assert.Equal("DISABLED", update.Event);
        Assert.Equal("1689556908129835", update.TemplateId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1751300000), update.DisableDate);
    }

    [Fact]
    public void Every_marketing_preference_change_is_reported()
    {
        var preferences = Corpus.Parse("user_preferences_stop.json").UserPreferences.ToList();

        Assert.Equal(2, preferences.Count);
        Assert.Equal(("16505551234", "stop", "marketing_messages"), (preferences[0].WaId, preferences[0].Value, preferences[0].Category));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1731705721), preferences[0].Timestamp);
        Assert.Equal(("16505551235", "resume"), (preferences[1].WaId, preferences[1].Value));
        Assert.All(preferences, p => Assert.Equal("106540352242922", p.Origin.PhoneNumberId));
    }

    [Fact]
    public void A_field_without_a_typed_view_is_kept_as_an_unknown_change_with_its_raw_json()
    {
        var change = Assert.Single(Corpus.Parse("unknown_field_account_update.json").Events);

        var unknown = Assert.IsType<UnknownChange>(change);
        Assert.Equal("account_update", unknown.Origin.Field);
        Assert.Contains("VOLUME_BASED_PRICING_TIER_UPDATE", unknown.RawJson, StringComparison.Ordinal);
        Assert.Contains("volume_tier_info", unknown.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Unrecognised_keys_beside_messages_are_kept_as_an_unknown_change_and_the_messages_still_parsed()
    {
        var notification = Corpus.Parse("unknown_keys_in_messages_value.json");

        Assert.Equal("calling you", Assert.IsType<Grains.Messages.TextContent>(Assert.Single(notification.Messages).Content).Body);
        var unknown = Assert.Single(notification.UnknownChanges);
        Assert.Contains("calls", unknown.Reason, StringComparison.Ordinal);
        Assert.Contains("wacid.", unknown.RawJson, StringComparison.Ordinal);
    }
}
