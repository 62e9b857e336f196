-- Core domain: majors, students, partner firms, order classes and their members,
-- work-study rotations and placements. Integrity rules that must hold under concurrency
-- and across service instances (quota, overlaps, one open order class per student) live here.

create extension if not exists btree_gist;

-- Chinese names sort by pinyin, not by code point.
create collation if not exists zh_pinyin (provider = icu, locale = 'zh-u-co-pinyin');

create table major (
    code        varchar(12)  primary key,
    name        varchar(100) collate zh_pinyin not null,
    major_group varchar(100) collate zh_pinyin,
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
create index ix_major_name on major (name, code);

create table student (
    id           uuid         primary key,
    student_no   varchar(32)  not null,
    name         varchar(100) collate zh_pinyin not null,
    gender       varchar(8)   not null check (gender in ('MALE', 'FEMALE')),
    birth_date   date         not null,
    id_number    varchar(18),
    phone        varchar(20),
    major_code   varchar(12)  not null references major (code),
    cohort_year  integer      not null check (cohort_year between 1900 and 2200),
    class_name   varchar(100) collate zh_pinyin,
    status       varchar(16)  not null check (status in ('ENROLLED', 'SUSPENDED', 'GRADUATED', 'WITHDRAWN')),
    version      bigint       not null default 0,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    constraint uq_student_student_no unique (student_no)
);
create unique index uq_student_id_number on student (id_number) where id_number is not null;
create index ix_student_name on student (name, id);
create index ix_student_major on student (major_code, id);
create index ix_student_cohort on student (cohort_year, id);
create index ix_student_created on student (created_at, id);

create table firm (
    id            uuid         primary key,
    name          varchar(200) collate zh_pinyin not null,
    credit_code   varchar(18)  not null,
    industry      varchar(100) collate zh_pinyin,
    district      varchar(100) collate zh_pinyin,
    address       varchar(300),
    contact_name  varchar(100),
    contact_phone varchar(20),
    headcount     integer      not null default 0 check (headcount >= 0),
    status        varchar(16)  not null check (status in ('ACTIVE', 'INACTIVE')),
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    constraint uq_firm_name unique (name),
    constraint uq_firm_credit_code unique (credit_code)
);
create index ix_firm_created on firm (created_at, id);

create table order_class (
    id           uuid         primary key,
    name         varchar(200) collate zh_pinyin not null,
    firm_id      uuid         not null references firm (id),
    major_code   varchar(12)  not null references major (code),
    intake_year  integer      not null check (intake_year between 1900 and 2200),
    quota        integer      not null check (quota >= 1),
    programme    varchar(32)  not null check (programme in ('ORDER_CLASS', 'DUAL_SYSTEM', 'MODERN_APPRENTICESHIP')),
    status       varchar(16)  not null check (status in ('OPEN', 'CLOSED')),
    member_count integer      not null default 0,
    version      bigint       not null default 0,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    constraint ck_order_class_members_within_quota check (member_count between 0 and quota)
);
create index ix_order_class_firm on order_class (firm_id);
create index ix_order_class_major on order_class (major_code);
create index ix_order_class_name on order_class (name, id);

-- class_open mirrors the class's status so that "one open order class per student" is a unique index.
create table order_class_member (
    order_class_id uuid        not null references order_class (id),
    student_id     uuid        not null references student (id),
    class_open     boolean     not null,
    joined_at      timestamptz not null default now(),
    primary key (order_class_id, student_id)
);
create unique index uq_member_open_class on order_class_member (student_id) where class_open;
create index ix_member_student on order_class_member (student_id);

create table rotation (
    id             uuid         primary key,
    order_class_id uuid         not null references order_class (id),
    firm_id        uuid         not null references firm (id),
    site           varchar(200) collate zh_pinyin,
    start_date     date         not null,
    end_date       date         not null,
    mentor_name    varchar(100),
    status         varchar(16)  not null check (status in ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    version        bigint       not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    constraint ck_rotation_dates check (end_date >= start_date),
    constraint ex_rotation_no_overlap exclude using gist
        (order_class_id with =, daterange(start_date, end_date, '[]') with &&) where (status <> 'CANCELLED')
);
create index ix_rotation_class on rotation (order_class_id, start_date, id);

create table placement (
    id             uuid         primary key,
    student_id     uuid         not null references student (id),
    firm_id        uuid         not null references firm (id),
    type           varchar(20)  not null check (type in ('COGNITIVE', 'FOLLOW_POST', 'POST_INTERNSHIP', 'WORK_STUDY', 'APPRENTICESHIP')),
    order_class_id uuid         references order_class (id),
    rotation_id    uuid         references rotation (id),
    position       varchar(200) collate zh_pinyin,
    start_date     date         not null,
    end_date       date         not null,
    status         varchar(16)  not null check (status in ('PLANNED', 'ACTIVE', 'COMPLETED', 'TERMINATED', 'CANCELLED')),
    status_reason  varchar(500),
    version        bigint       not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    constraint ck_placement_dates check (end_date >= start_date),
    constraint ex_placement_no_overlap exclude using gist
        (student_id with =, daterange(start_date, end_date, '[]') with &&) where (status <> 'CANCELLED')
);
create index ix_placement_student on placement (student_id, start_date);
create index ix_placement_firm on placement (firm_id, start_date);
create index ix_placement_order_class on placement (order_class_id) where order_class_id is not null;
create index ix_placement_rotation on placement (rotation_id) where rotation_id is not null;
create index ix_placement_start on placement (start_date, id);
