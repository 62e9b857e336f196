-- A batch import looks up all its rows' references in one query by reference alone (a file's rows
-- name many firms). The same uniqueness with the reference first serves that lookup as well as the
-- lookup by firm and reference, without a second index to maintain on every write.
drop index uq_placement_external_ref;
create unique index uq_placement_external_ref on placement (external_ref, firm_id) where external_ref is not null;
