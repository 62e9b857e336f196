-- A client's own key for a student or placement, so that re-sending an import file updates the
-- records it created instead of duplicating them. Optional: records made one by one need none.
alter table student add column external_ref varchar(100);
alter table student_aud add column external_ref varchar(100);
alter table placement add column external_ref varchar(100);
alter table placement_aud add column external_ref varchar(100);

-- One school per database, so a student's reference is unique across all students; a placement's
-- is unique within its firm, the party whose records it usually comes from.
create unique index uq_student_external_ref on student (external_ref) where external_ref is not null;
create unique index uq_placement_external_ref on placement (firm_id, external_ref) where external_ref is not null;
