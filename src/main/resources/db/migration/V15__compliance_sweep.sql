-- Documents and pay are due on a placement's first day: a placement planned ahead without them
-- breaks the rules from that day on, though nobody writes it. An hourly sweep checks again the
-- placements whose first day has come since the last sweep; this row says how far it has got
-- (locked by the sweep, so that of several instances one sweeps each day).
create table compliance_sweep (
    only_row      boolean primary key default true check (only_row),
    swept_through date    not null
);
-- Placements that started before the rules existed were never checked on their first day; the
-- sweep starts from today, and a write or a firm's change checks them.
insert into compliance_sweep (swept_through) values (current_date);
