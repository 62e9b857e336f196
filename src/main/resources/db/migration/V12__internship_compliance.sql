-- Compliance with the national internship rules (职业学校学生实习管理规定, 2021), computed from the
-- data: what a placement records of its agreement, insurance, pay and work pattern; what a firm
-- records of its posts and its kind; the breaches found, open until the data no longer breaks the rule.

alter table placement
    add column agreement_ref         varchar(100),
    add column agreement_signed_on   date,
    add column guardian_consent_on   date,
    add column insurance_policy_no   varchar(100),
    add column insurer               varchar(200),
    add column insurance_from        date,
    add column insurance_to          date,
    add column insurance_paid_by     varchar(16)
        check (insurance_paid_by in ('SCHOOL', 'FIRM', 'SCHOOL_AND_FIRM', 'GOVERNMENT', 'STUDENT')),
    add column monthly_pay           numeric(10, 2) check (monthly_pay >= 0),
    add column post_wage             numeric(10, 2) check (post_wage >= 0),
    add column pay_period            varchar(16)
        check (pay_period in ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'AT_END')),
    add column daily_hours           numeric(4, 2) check (daily_hours between 0 and 24),
    add column night_work            boolean not null default false,
    add column overtime              boolean not null default false,
    add column rest_day_work         boolean not null default false,
    add column work_exception_filing varchar(100),
    -- The open breaches, as the placement shows them ([{rule, status, detail}]): written with the
    -- placement, so reading a placement costs no other query.
    add column compliance            jsonb   not null default '[]',
    add constraint ck_placement_insurance_dates check (insurance_to >= insurance_from);

alter table placement_aud
    add column agreement_ref         varchar(100),
    add column agreement_signed_on   date,
    add column guardian_consent_on   date,
    add column insurance_policy_no   varchar(100),
    add column insurer               varchar(200),
    add column insurance_from        date,
    add column insurance_to          date,
    add column insurance_paid_by     varchar(16),
    add column monthly_pay           numeric(10, 2),
    add column post_wage             numeric(10, 2),
    add column pay_period            varchar(16),
    add column daily_hours           numeric(4, 2),
    add column night_work            boolean,
    add column overtime              boolean,
    add column rest_day_work         boolean,
    add column work_exception_filing varchar(100),
    add column compliance            jsonb;

-- posts: [{name, staff, prohibited}], the on-post staff per post for the 20% rule.
alter table firm
    add column posts               jsonb   not null default '[]',
    add column labour_intermediary boolean not null default false,
    add column prohibited_venue    boolean not null default false;

alter table firm_aud
    add column posts               jsonb,
    add column labour_intermediary boolean,
    add column prohibited_venue    boolean;

create table compliance_breach (
    id              uuid          primary key,
    -- Deferred: the service may insert a placement and its breaches in either order in one transaction.
    placement_id    uuid          not null references placement (id) deferrable initially deferred,
    firm_id         uuid          not null references firm (id),
    student_id      uuid          not null references student (id),
    rule            varchar(40)   not null,
    mode            varchar(8)    not null check (mode in ('BLOCK', 'WARN')),
    status          varchar(10)   not null check (status in ('OPEN', 'RESOLVED')),
    detail          varchar(1000) not null,
    placement_start date          not null,
    detected_at     timestamptz   not null,
    resolved_at     timestamptz,
    version         bigint        not null default 0,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);
-- One open breach per placement and rule: a re-evaluation updates it instead of adding another.
create unique index uq_breach_open on compliance_breach (placement_id, rule) where status = 'OPEN';
create index ix_breach_list on compliance_breach (status, placement_start, id);
create index ix_breach_firm on compliance_breach (firm_id, placement_start, id);

create trigger change_feed after insert or update or delete on compliance_breach
    for each row execute function record_change('compliance-breach');

alter table compliance_breach enable row level security;
create policy partner_scope on compliance_breach to placement_partner using (firm_id = partner_firm());

-- Its history, like every record's (a partner's request writes it when a status change finds a breach).
create table compliance_breach_aud (
    id              uuid          not null,
    rev             bigint        not null references audit_revision (id),
    revtype         smallint,
    placement_id    uuid,
    firm_id         uuid,
    student_id      uuid,
    rule            varchar(40),
    mode            varchar(8),
    status          varchar(10),
    detail          varchar(1000),
    placement_start date,
    detected_at     timestamptz,
    resolved_at     timestamptz,
    version         bigint,
    created_at      timestamptz,
    updated_at      timestamptz,
    primary key (id, rev)
);
alter table compliance_breach_aud enable row level security;
create policy partner_writes on compliance_breach_aud for insert to placement_partner with check (true);

-- Post internships (岗位实习; FOLLOW_POST is its pre-2021 name) at a firm, or in one of its posts, on
-- the busiest day of a period, counting every placement of any school's students stored here, except
-- p_except, plus the periods p_extra_first/p_extra_last: the caller passes the placements it is
-- writing (which the database may not hold yet, or holds in an older version) that way. A sweep
-- over first and last days: the running sum of +1 on each first day and -1 the day after each last
-- day is the count on each day. Security definer: a partner's request sees only its firm's rows
-- and the counts need no other, but the student's total below needs every firm's; both return
-- counts, never rows.
create function interns_at_peak(p_firm uuid, p_position text, p_from date, p_to date, p_except uuid[],
                                p_extra_first date[], p_extra_last date[])
    returns table (peak_day date, interns bigint)
    language sql stable security definer set search_path = public, pg_temp as $$
    with overlapping as (
        select greatest(start_date, p_from) as first_day, least(end_date, p_to) as last_day
        from placement
        where firm_id = p_firm and status <> 'CANCELLED' and type in ('POST_INTERNSHIP', 'FOLLOW_POST')
          and start_date <= p_to and end_date >= p_from and id <> all (p_except)
          and (p_position is null or position = p_position)
        union all
        select greatest(e.first_day, p_from), least(e.last_day, p_to)
        from unnest(p_extra_first, p_extra_last) as e (first_day, last_day)
        where e.first_day <= p_to and e.last_day >= p_from
    ), changes as (
        select first_day as day, 1 as delta from overlapping
        union all
        select last_day + 1, -1 from overlapping
    ), running as (
        select day, sum(sum(delta)) over (order by day) as interns from changes group by day
    )
    select day, interns::bigint from running where day <= p_to
    union all
    select p_from, 0
    order by 2 desc, 1
    limit 1
$$;

-- A student's post internships, except p_except: the first day and the days in total, across every firm.
create function post_internship_days(p_student uuid, p_except uuid[])
    returns table (first_day date, total_days bigint)
    language sql stable security definer set search_path = public, pg_temp as $$
    select min(start_date), coalesce(sum(end_date - start_date + 1), 0)::bigint
    from placement
    where student_id = p_student and status <> 'CANCELLED' and type in ('POST_INTERNSHIP', 'FOLLOW_POST')
      and id <> all (p_except)
$$;
