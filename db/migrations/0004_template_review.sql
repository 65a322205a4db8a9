-- What the provider's review says about a template beyond its status, and when it said it.
-- Template status webhooks arrive at least once and out of order: status_event_at keeps the
-- provider's time of the last event applied, so an older event cannot overwrite a newer one.

alter table templates
    add column rejection_recommendation text,
    -- Why a template is paused or disabled (Meta's other_info / disable_info), null otherwise.
    add column status_reason            text,
    add column status_event_at          timestamptz,
    add column submitted_at             timestamptz;

-- Status webhooks find a template by the provider's id.
create index templates_provider_template_id on templates (provider_template_id) where provider_template_id is not null;
