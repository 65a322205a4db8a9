namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>How Meta prices the message (PMP since July 2025): type regular/free_customer_service/free_entry_point, category marketing/utility/….</summary>
public sealed record StatusPricing(bool? Billable, string? PricingModel, string? Type, string? Category);
