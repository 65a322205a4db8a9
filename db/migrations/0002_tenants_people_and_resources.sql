-- Tenants, the people who sign in, API clients, sending numbers and the resources
-- agents manage. Every table leads with tenant_id; every query filters on it.

create table tenants (
    id          text primary key,
    name        text not null,
    -- Sent to the customer when an agent leaves a conversation; null = say nothing.
    leave_message text,
    retention_days integer not null default 30 check (retention_days between 1 and 3650),
    created_at  timestamptz not null default now()
);

create table agents (
    tenant_id     text not null references tenants (id),
    id            text not null,
    email         text not null,
    name          text not null,
    role          text not null check (role in ('admin', 'agent')),
    password_hash text not null,
    capacity      integer not null default 100 check (capacity between 1 and 100),
    active        boolean not null default true,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, id)
);
-- Sign-in is by email alone, so an email belongs to one person on the whole platform.
create unique index agents_email on agents (lower(email));

create table api_keys (
    tenant_id      text not null references tenants (id),
    id             text not null,
    name           text not null,
    key_hash       bytea not null unique,
    key_prefix     text not null,
    scopes         text[] not null,
    signing_secret text not null,
    created_at     timestamptz not null default now(),
    revoked_at     timestamptz,
    primary key (tenant_id, id)
);

create table channels (
    tenant_id            text not null references tenants (id),
    id                   text not null,
    type                 text not null check (type in ('whatsapp', 'messenger', 'instagram')),
    name                 text not null,
    display_phone_number text not null,
    phone_number_id      text not null,
    waba_id              text not null,
    access_token         text not null,
    app_secret           text not null,
    verify_token         text not null,
    graph_base_url       text not null,
    graph_version        text not null default 'v21.0',
    status               text not null default 'healthy' check (status in ('healthy', 'restricted', 'disconnected')),
    throughput_per_second integer not null default 80 check (throughput_per_second between 1 and 1000),
    created_at           timestamptz not null default now(),
    deleted_at           timestamptz,
    primary key (tenant_id, id)
);
-- Webhooks are routed by the provider's phone-number id: one live channel per number.
create unique index channels_phone_number on channels (type, phone_number_id) where deleted_at is null;

create table contacts (
    tenant_id    text not null references tenants (id),
    id           text not null,
    phone_number text not null,
    name         text,
    note         text,
    labels       text[] not null default '{}',
    opted_out    boolean not null default false,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, phone_number)
);

create table labels (
    tenant_id  text not null references tenants (id),
    id         text not null,
    name       text not null,
    color      text not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index labels_name on labels (tenant_id, lower(name));

create table canned_responses (
    tenant_id  text not null references tenants (id),
    id         text not null,
    short_code text not null,
    content    text not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index canned_responses_short_code on canned_responses (tenant_id, lower(short_code));

create table templates (
    tenant_id            text not null references tenants (id),
    id                   text not null,
    name                 text not null,
    language             text not null,
    category             text not null check (category in ('marketing', 'utility', 'authentication')),
    components           jsonb not null,
    body_parameter_count integer not null default 0,
    status               text not null default 'draft',
    rejection_reason     text,
    provider_template_id text,
    channel_id           text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, name, language)
);

-- Media agents upload or customers send. Bytes live beside the metadata; an object
-- store is the path when volume demands it (ARCHITECTURE.md).
create table media (
    tenant_id  text not null references tenants (id),
    id         text not null,
    mime_type  text not null,
    size       bigint not null,
    sha256     text not null,
    filename   text,
    content    bytea not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id)
);

-- ASP.NET Core data-protection keys, shared by every Api node so a session cookie
-- issued by one node is honoured by all.
create table data_protection_keys (
    name       text primary key,
    xml        text not null,
    created_at timestamptz not null default now()
);
