-- The change feed: one event per row change of a domain table, written by triggers in the same
-- transaction as the change (so nothing escapes it: services, bulk updates, demo data alike).
-- Events carry their transaction id; readers only go up to the oldest transaction still running,
-- so an event committed late is never skipped by a reader that has already moved on.
create table change_event (
    txid        xid8        not null default pg_current_xact_id(),
    seq         bigint      generated always as identity,
    entity_type varchar(32) not null,
    entity_id   varchar(80) not null,
    operation   varchar(8)  not null,
    firm_id     uuid,
    student_id  uuid,
    occurred_at timestamptz not null default now(),
    primary key (txid, seq)
);
create index ix_change_event_occurred on change_event (occurred_at);
create index ix_change_event_firm on change_event (firm_id, txid, seq) where firm_id is not null;

-- The newest position removed by retention: a cursor before it has lost events (410).
create table change_feed_horizon (
    only_row boolean primary key default true check (only_row),
    txid     xid8    not null,
    seq      bigint  not null
);
insert into change_feed_horizon (txid, seq) values ('0'::xid8, 0);

create function record_change() returns trigger language plpgsql as $$
declare
    row_data jsonb := to_jsonb(case when TG_OP = 'DELETE' then OLD else NEW end);
    kind text := TG_ARGV[0];
begin
    insert into change_event (entity_type, entity_id, operation, firm_id, student_id)
    values (kind,
            case kind when 'major' then row_data->>'code'
                      when 'order-class-member' then (row_data->>'order_class_id') || '/' || (row_data->>'student_id')
                      else row_data->>'id' end,
            case TG_OP when 'INSERT' then 'CREATE' when 'UPDATE' then 'UPDATE' else 'DELETE' end,
            case kind when 'firm' then (row_data->>'id')::uuid else (row_data->>'firm_id')::uuid end,
            case kind when 'student' then (row_data->>'id')::uuid else (row_data->>'student_id')::uuid end);
    return null;
end
$$;

create trigger change_feed after insert or update or delete on major
    for each row execute function record_change('major');
create trigger change_feed after insert or update or delete on student
    for each row execute function record_change('student');
create trigger change_feed after insert or update or delete on firm
    for each row execute function record_change('firm');
create trigger change_feed after insert or update or delete on order_class
    for each row execute function record_change('order-class');
create trigger change_feed after insert or update or delete on order_class_member
    for each row execute function record_change('order-class-member');
create trigger change_feed after insert or update or delete on rotation
    for each row execute function record_change('rotation');
create trigger change_feed after insert or update or delete on placement
    for each row execute function record_change('placement');
