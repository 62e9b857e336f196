-- Hours actually worked, one week per row, as partner firms' HR systems report them: the internship
-- rules on working time are checked against these as well as against the post's planned pattern.
create table timesheet (
    id             uuid         primary key,
    placement_id   uuid         not null references placement (id),
    firm_id        uuid         not null references firm (id),
    student_id     uuid         not null references student (id),
    week_start     date         not null check (extract(isodow from week_start) = 1),
    monday         numeric(4, 2) not null check (monday between 0 and 24),
    tuesday        numeric(4, 2) not null check (tuesday between 0 and 24),
    wednesday      numeric(4, 2) not null check (wednesday between 0 and 24),
    thursday       numeric(4, 2) not null check (thursday between 0 and 24),
    friday         numeric(4, 2) not null check (friday between 0 and 24),
    saturday       numeric(4, 2) not null check (saturday between 0 and 24),
    sunday         numeric(4, 2) not null check (sunday between 0 and 24),
    night_hours    numeric(5, 2) not null default 0 check (night_hours between 0 and 168),
    overtime_hours numeric(5, 2) not null default 0 check (overtime_hours between 0 and 168),
    rest_day_hours numeric(5, 2) not null default 0 check (rest_day_hours between 0 and 168),
    version        bigint       not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    constraint uq_timesheet_week unique (placement_id, week_start)
);
create index ix_timesheet_firm on timesheet (firm_id, week_start);

create trigger change_feed after insert or update or delete on timesheet
    for each row execute function record_change('timesheet');

alter table timesheet enable row level security;
create policy partner_scope on timesheet to placement_partner using (firm_id = partner_firm());

create table timesheet_aud (
    id             uuid          not null,
    rev            bigint        not null references audit_revision (id),
    revtype        smallint,
    placement_id   uuid,
    firm_id        uuid,
    student_id     uuid,
    week_start     date,
    monday         numeric(4, 2),
    tuesday        numeric(4, 2),
    wednesday      numeric(4, 2),
    thursday       numeric(4, 2),
    friday         numeric(4, 2),
    saturday       numeric(4, 2),
    sunday         numeric(4, 2),
    night_hours    numeric(5, 2),
    overtime_hours numeric(5, 2),
    rest_day_hours numeric(5, 2),
    version        bigint,
    created_at     timestamptz,
    updated_at     timestamptz,
    primary key (id, rev)
);
alter table timesheet_aud enable row level security;
create policy partner_writes on timesheet_aud for insert to placement_partner with check (true);
