-- The grain runtime: state, event history (which doubles as the outbox), reminders,
-- side-effect work rows and the record of idempotent commands.
-- Every table leads with tenant_id so tenants can later be distributed by it (Citus).

create table grain_state (
    tenant_id   text        not null,
    grain_type  text        not null,
    grain_key   text        not null,
    version     bigint      not null default 0,
    state       jsonb,
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, grain_type, grain_key)
);

-- One row per event, numbered without gaps per grain. Rows not yet published to the
-- event bus are the outbox: published right after commit, or by the relay after a crash.
create table grain_events (
    tenant_id   text        not null,
    grain_type  text        not null,
    grain_key   text        not null,
    sequence    bigint      not null,
    event_id    uuid        not null unique,
    event_type  text        not null,
    payload     jsonb       not null,
    created_at  timestamptz not null default now(),
    published   boolean     not null default false,
    primary key (tenant_id, grain_type, grain_key, sequence)
);
create index grain_events_unpublished on grain_events (created_at) where not published;

-- Durable timers. A silo claims due rows with SKIP LOCKED and a lease; the turn that
-- delivers a reminder deletes it fenced by attempt, so a stalled claimer changes nothing.
create table reminders (
    tenant_id    text        not null,
    grain_type   text        not null,
    grain_key    text        not null,
    name         text        not null,
    due_at       timestamptz not null,
    locked_until timestamptz,
    attempt      integer     not null default 0,
    primary key (tenant_id, grain_type, grain_key, name)
);
create index reminders_due on reminders (due_at);

-- Side effects of committed events (provider sends, downloads, callbacks), claimed by
-- silos. At least once: a handler receives the event id to deduplicate.
create table work_items (
    id           bigint generated always as identity primary key,
    tenant_id    text        not null,
    handler      text        not null,
    event_id     uuid        not null,
    grain_type   text        not null,
    grain_key    text        not null,
    payload      jsonb       not null,
    due_at       timestamptz not null default now(),
    locked_until timestamptz,
    attempt      integer     not null default 0,
    last_error   text,
    dead_at      timestamptz,
    created_at   timestamptz not null default now(),
    unique (handler, event_id)
);
create index work_items_ready on work_items (due_at) where dead_at is null;
-- For handlers that keep a grain's effects in order: only its oldest live item is claimable.
create index work_items_per_grain on work_items (handler, tenant_id, grain_type, grain_key, id) where dead_at is null;

-- Commands that must take effect once (a provider message id, an Idempotency-Key).
create table processed_commands (
    tenant_id        text        not null,
    grain_type       text        not null,
    grain_key        text        not null,
    idempotency_key  text        not null,
    processed_at     timestamptz not null default now(),
    primary key (tenant_id, grain_type, grain_key, idempotency_key)
);
