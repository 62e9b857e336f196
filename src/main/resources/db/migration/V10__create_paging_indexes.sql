-- Keyset pagination: a list's next page starts after the cursor, written as one row comparison
-- ((a, id) > (k0, k1), see common/Listing). PostgreSQL starts an index scan there when an index has
-- exactly the order's columns, so a page costs the same wherever it lies. The orders of the large
-- tables (students, placements) and their common filters get such an index; the small ones (firms,
-- order classes, API keys, a class's members) are sorted whole, which is cheaper than keeping more
-- indexes up to date on every write.
--
-- Already served: students by student number (uq_student_student_no: unique, so it is the whole
-- order), name (ix_student_name, in the column's pinyin collation), cohort and creation time;
-- placements by start date (ix_placement_start); firms by name (uq_firm_name) and creation time;
-- majors by code and name; a class's rotations by start date.

-- Students of one major by student number, the default order: (major_code, id) served no order.
drop index ix_student_major;
create index ix_student_major on student (major_code, student_no);

-- Placements by creation time (sort=createdAt), e.g. for a client that polls for new ones.
create index ix_placement_created on placement (created_at, id);

-- A firm's placements by start date (every partner's list): with the id the index is the order
-- itself, so a page starts at its cursor rather than at the first placement of the cursor's date.
drop index ix_placement_firm;
create index ix_placement_firm on placement (firm_id, start_date, id);
