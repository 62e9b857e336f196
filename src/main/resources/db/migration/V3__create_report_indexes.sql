-- Reports count the placements that are not cancelled. These partial covering indexes hold exactly
-- those rows and the columns a report reads, so PostgreSQL answers with index-only scans instead of
-- visiting every placement row.

-- The yearly report over a long range: in (student, year, firm) order, one index per year basis, so
-- the report aggregates each student's placements per year while walking the index, with no sort
-- or hash table that grows with the data. The year expressions must stay exactly those of
-- YearBasis.sqlYear(). start_date is included because PostgreSQL considers an index-only scan only
-- when every column the query names is in the index, even one it reads through an expression.
create index ix_placement_counted_by_student_calendar on placement
    (student_id, (extract(year from start_date)::int), firm_id)
    include (start_date, type, order_class_id) where status <> 'CANCELLED';
create index ix_placement_counted_by_student_academic on placement
    (student_id, (extract(year from (start_date - interval '8 months'))::int), firm_id)
    include (start_date, type, order_class_id) where status <> 'CANCELLED';

-- A short range or a single firm: a small slice, found by start date and sorted.
create index ix_placement_counted on placement (start_date)
    include (student_id, firm_id, type, order_class_id) where status <> 'CANCELLED';
create index ix_placement_counted_by_firm on placement (firm_id, start_date)
    include (student_id, type, order_class_id) where status <> 'CANCELLED';
