-- The share rules count a firm's post internships that overlap a period. Through (firm_id,
-- start_date) that reads every placement of the firm that started before the period ends — at a
-- million placements, tens of thousands for a large firm, on every write. A GiST index on the firm
-- and the period finds exactly the overlapping ones (btree_gist gives uuid its operator class).
create index ix_placement_firm_period on placement
    using gist (firm_id, daterange(start_date, end_date, '[]'))
    where status <> 'CANCELLED' and type in ('POST_INTERNSHIP', 'FOLLOW_POST');

create or replace function interns_at_peak(p_firm uuid, p_position text, p_from date, p_to date, p_except uuid[],
                                           p_extra_first date[], p_extra_last date[])
    returns table (peak_day date, interns bigint)
    language sql stable security definer set search_path = public, pg_temp as $$
    with overlapping as (
        select greatest(start_date, p_from) as first_day, least(end_date, p_to) as last_day
        from placement
        where firm_id = p_firm and status <> 'CANCELLED' and type in ('POST_INTERNSHIP', 'FOLLOW_POST')
          and daterange(start_date, end_date, '[]') && daterange(p_from, p_to, '[]')
          and id <> all (p_except)
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
