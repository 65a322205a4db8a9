-- Conversation grains on Orleans. Each write of a conversation grain (one turn, or the turns that
-- queued behind the previous write) goes in one statement batch (one implicit transaction, one
-- round trip, and with other grains' writes when several are ready): its state with the next
-- version (the version is the optimistic check: a stale activation's write changes nothing), the
-- idempotency keys of the commands it applied, and the rows the inbox reads (conversations,
-- messages, contacts). Its earliest due time is indexed here, so a few
-- sweepers wake the grains whose timers came due: no timer per conversation anywhere.

create table conversation_grains (
    tenant_id  text        not null,
    -- The Orleans grain key: tenant/channel/customer (ConversationKey).
    grain_key  text        not null,
    version    bigint      not null,
    state      jsonb       not null,
    due_at     timestamptz,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, grain_key)
);
create index conversation_grains_due on conversation_grains (due_at) where due_at is not null;

-- Commands that must take effect once per conversation (a provider message id, an Idempotency-Key).
create table conversation_commands (
    tenant_id       text        not null,
    grain_key       text        not null,
    idempotency_key text        not null,
    processed_at    timestamptz not null default now(),
    primary key (tenant_id, grain_key, idempotency_key)
);

-- Raised inside a turn's batch when a check fails, so the whole batch (several grains' turns,
-- one implicit transaction) rolls back and the writer learns which turn failed and why.
create function expect_rows(affected bigint, expected bigint, failure text, detail text) returns void
language plpgsql as $$
begin
    if affected <> expected then
        raise exception using errcode = failure, message = detail;
    end if;
end
$$;

-- Carry the grains of the runtime this replaces over: their state (whose event count was their
-- sequence), their consumed keys, and their queued sends as outbox entries.
insert into conversation_grains (tenant_id, grain_key, version, state, due_at)
select tenant_id, tenant_id || '/' || grain_key, version, state || jsonb_build_object('sequence', version), now()
from grain_state
where grain_type = 'conversation' and state is not null;

insert into conversation_commands (tenant_id, grain_key, idempotency_key, processed_at)
select tenant_id, tenant_id || '/' || grain_key, idempotency_key, processed_at
from processed_commands
where grain_type = 'conversation';

update conversation_grains g
set state = jsonb_set(g.state, '{outbox}', jsonb_build_object('sends', q.sends))
from (
    select tenant_id, tenant_id || '/' || grain_key as grain_key,
           jsonb_agg(jsonb_build_object(
               'messageId', payload -> 'payload' -> 'message' ->> 'id',
               'queuedAt', created_at,
               'humanAgentTag', coalesce((payload -> 'payload' ->> 'humanAgentTag')::boolean, false)) order by id) as sends
    from work_items
    where handler = 'whatsapp-send' and dead_at is null and grain_type = 'conversation'
    group by 1, 2
) q
where g.tenant_id = q.tenant_id and g.grain_key = q.grain_key;

drop table work_items, reminders, grain_events, processed_commands, grain_state;

-- The conversation's key is its channel and customer columns; its id is derived from them.
alter table conversations drop column grain_key;
