-- The demo data set (DEMO_DATA=true) goes into a database at most once. This table holds one row
-- once it has been loaded; the primary key on a constant makes a second row impossible, even for
-- two instances that start at the same time.

create table demo_data_load (
    singleton boolean      primary key default true check (singleton),
    loaded_at timestamptz  not null default now(),
    as_of     date         not null,
    summary   varchar(500) not null
);
