-- Query tables kept by the conversation grain's inline projection (same transaction as the
-- turn), and the durable inbox of provider webhooks.

create table conversations (
    tenant_id              text not null references tenants (id),
    id                     text not null,
    grain_key              text not null,
    channel_id             text not null,
    channel_type           text not null,
    contact_id             text not null,
    customer_address       text not null,
    status                 text not null,
    snoozed_until          timestamptz,
    assignee_id            text,
    assignee_name          text,
    participants           text[] not null default '{}',
    labels                 text[] not null default '{}',
    window_last_inbound_at timestamptz,
    window_expires_at      timestamptz,
    last_message_id        text,
    last_message_at        timestamptz,
    last_message_preview   text,
    last_message_direction text,
    last_message_status    text,
    unread_count           integer not null default 0,
    bot_active             boolean not null default false,
    bot_flow_id            text,
    sequence               bigint not null default 0,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, grain_key)
);
create index conversations_recent on conversations (tenant_id, last_message_at desc nulls last, id);
create index conversations_assignee on conversations (tenant_id, assignee_id, status);
create index conversations_labels on conversations using gin (labels);
create index conversations_contact on conversations (tenant_id, contact_id);

create table messages (
    tenant_id           text not null references tenants (id),
    conversation_id     text not null,
    id                  text not null,
    -- The conversation's event sequence when the message was created: a total order.
    sequence            bigint not null,
    direction           text not null,
    content             jsonb not null,
    preview             text not null,
    status              text not null,
    author_kind         text not null,
    author_id           text,
    author_name         text,
    provider_message_id text,
    reply_to            text,
    error_code          text,
    error_reason        text,
    provider_timestamp  timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null default now(),
    search              tsvector generated always as (to_tsvector('simple', preview)) stored,
    primary key (tenant_id, conversation_id, id)
);
create index messages_timeline on messages (tenant_id, conversation_id, sequence desc);
create index messages_provider_id on messages (tenant_id, provider_message_id) where provider_message_id is not null;
create index messages_search on messages using gin (search);

-- Every provider webhook exactly as received, stored before we answer 200 (Meta keeps no
-- history to re-fetch). Processed into grain turns afterwards; rows left unprocessed by a
-- node that died are swept up by a silo.
create table webhook_inbox (
    id           bigint generated always as identity primary key,
    tenant_id    text not null,
    channel_id   text not null,
    payload      text not null,
    received_at  timestamptz not null default now(),
    locked_until timestamptz,
    attempts     integer not null default 0,
    processed_at timestamptz,
    last_error   text
);
create index webhook_inbox_pending on webhook_inbox (received_at) where processed_at is null;

-- Our media uploaded to a provider number: reused for 30 days instead of uploading again.
create table provider_media (
    tenant_id         text not null,
    media_id          text not null,
    channel_id        text not null,
    provider_media_id text not null,
    uploaded_at       timestamptz not null default now(),
    primary key (tenant_id, media_id, channel_id)
);

create index contacts_search on contacts using gin (to_tsvector('simple', coalesce(name, '') || ' ' || phone_number));
