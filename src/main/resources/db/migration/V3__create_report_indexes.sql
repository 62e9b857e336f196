-- Reports count the placements that are not cancelled, by start date. These partial covering
-- indexes hold exactly those rows and the columns a report reads, so PostgreSQL can answer with
-- index-only scans instead of visiting every placement row.
create index ix_placement_counted on placement (start_date)
    include (student_id, firm_id, type, order_class_id) where status <> 'CANCELLED';
create index ix_placement_counted_by_firm on placement (firm_id, start_date)
    include (student_id, type, order_class_id) where status <> 'CANCELLED';
