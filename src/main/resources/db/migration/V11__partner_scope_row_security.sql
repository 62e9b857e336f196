-- A partner firm's scope, held by the database. Every connection a partner's request uses runs as
-- the role placement_partner with the firm's id in the setting pt.partner_firm (security/
-- PartnerConnections sets both when the connection is taken from the pool and clears them when it
-- is returned). Row-level security then shows a partner, and lets it change, only its firm's rows,
-- whichever query runs: entities, HQL, native SQL, the plain-JDBC reports and change feed. Staff
-- requests run as the service's own role, which owns the tables, so no policy applies to them.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'placement_partner') then
        create role placement_partner nologin;
    end if;
end
$$;
-- The service's own role switches to it for a partner's request (a superuser may anyway).
do $$
begin
    if not pg_has_role(current_user, 'placement_partner', 'member') then
        execute format('grant placement_partner to %I', current_user);
    end if;
end
$$;
grant usage on schema public to placement_partner;
grant select, insert, update, delete on all tables in schema public to placement_partner;
grant usage, select on all sequences in schema public to placement_partner;
alter default privileges in schema public grant select, insert, update, delete on tables to placement_partner;
alter default privileges in schema public grant usage, select on sequences to placement_partner;

-- The partner's firm, or null outside a partner's request (then no row passes).
create function partner_firm() returns uuid language sql stable as $$
    select nullif(current_setting('pt.partner_firm', true), '')::uuid
$$;

alter table firm enable row level security;
create policy partner_scope on firm to placement_partner using (id = partner_firm());

alter table order_class enable row level security;
create policy partner_scope on order_class to placement_partner using (firm_id = partner_firm());

alter table rotation enable row level security;
create policy partner_scope on rotation to placement_partner using (firm_id = partner_firm());

alter table placement enable row level security;
create policy partner_scope on placement to placement_partner using (firm_id = partner_firm());

-- The students placed at the firm (the placement policy narrows the subquery to the firm).
alter table student enable row level security;
create policy partner_scope on student to placement_partner
    using (exists (select 1 from placement p where p.student_id = student.id));

alter table order_class_member enable row level security;
create policy partner_scope on order_class_member to placement_partner using (false);

alter table api_key enable row level security;
create policy partner_scope on api_key to placement_partner using (false);

alter table id_number_reveal enable row level security;
create policy partner_scope on id_number_reveal to placement_partner using (false);

-- Events of the firm's objects and of the students placed there; a partner's own writes add events.
alter table change_event enable row level security;
create policy partner_reads on change_event for select to placement_partner
    using (firm_id = partner_firm()
        or (entity_type = 'student' and exists (select 1 from placement p where p.student_id = change_event.student_id)));
create policy partner_writes on change_event for insert to placement_partner with check (true);

-- The history a partner's changes write. A revision names the firm of a partner who made it, so a
-- partner may read back its own revisions (an insert returns the new revision's id) and no one
-- else's; the history itself is written, not read (it is for admins).
alter table audit_revision add column actor_firm_id uuid;
alter table audit_revision enable row level security;
create policy partner_writes on audit_revision for insert to placement_partner with check (actor_firm_id = partner_firm());
create policy partner_reads on audit_revision for select to placement_partner using (actor_firm_id = partner_firm());
do $$
declare
    audited text;
begin
    foreach audited in array array['major_aud', 'student_aud', 'firm_aud', 'order_class_aud',
            'order_class_member_aud', 'rotation_aud', 'placement_aud', 'api_key_aud', 'id_number_reveal_aud'] loop
        execute format('alter table %I enable row level security', audited);
        execute format('create policy partner_writes on %I for insert to placement_partner with check (true)', audited);
    end loop;
end
$$;
