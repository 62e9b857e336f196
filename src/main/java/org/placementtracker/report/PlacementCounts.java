package org.placementtracker.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The counting queries. PostgreSQL does the counting — one aggregate over the indexed
 * placement rows, with the range total (distinct students across all years) in the same scan
 * through a grouping set — so no placement is ever loaded into Java.
 */
@ApplicationScoped
public class PlacementCounts {

    /** One aggregate row; {@code total} marks the range total. */
    record Count(boolean total, int year, String key, long personTimes, long distinctStudents) {
    }

    /** Counted placements at one firm. */
    record FirmCount(UUID firmId, String firmName, long personTimes, long distinctStudents, int firstYear,
            int lastYear) {
    }

    private final EntityManager em;

    public PlacementCounts(EntityManager em) {
        this.em = em;
    }

    /** A counting statement with its named parameters. */
    public record Statement(String sql, Map<String, Object> parameters) {
    }

    /** The statement behind the yearly report (public so the benchmark times exactly this SQL). */
    public static Statement yearlyStatement(ReportFilter filter, GroupBy groupBy) {
        String year = filter.yearBasis().sqlYear();
        String key = groupBy == null ? "null::text" : groupBy.sqlKey();
        Where where = where(filter, groupBy != null && groupBy.needsStudent());
        String grouping = groupBy == null ? "(" + year + ")" : "(" + year + ", " + key + ")";
        String sql = "select grouping(" + year + ") = 1 as total, coalesce(" + year + ", 0) as year, " + key
                + " as key, count(*) as person_times, count(distinct p.student_id) as distinct_students "
                + where.from + " where " + where.conditions + " group by grouping sets (" + grouping + ", ())";
        return new Statement(sql, where.parameters);
    }

    List<Count> yearly(ReportFilter filter, GroupBy groupBy) {
        Statement statement = yearlyStatement(filter, groupBy);
        List<Count> counts = new ArrayList<>();
        for (Object row : bind(em.createNativeQuery(statement.sql()), statement.parameters()).getResultList()) {
            Object[] r = (Object[]) row;
            counts.add(new Count((Boolean) r[0], ((Number) r[1]).intValue(), (String) r[2],
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
        }
        return counts;
    }

    List<FirmCount> byFirm(ReportFilter filter) {
        String year = filter.yearBasis().sqlYear();
        Where where = where(filter, false);
        String sql = "select f.id, f.name, c.person_times, c.distinct_students, c.first_year, c.last_year from ("
                + "select p.firm_id, count(*) as person_times, count(distinct p.student_id) as distinct_students, "
                + "min(" + year + ") as first_year, max(" + year + ") as last_year "
                + where.from + " where " + where.conditions + " group by p.firm_id) c join firm f on f.id = c.firm_id "
                + "order by c.person_times desc, c.distinct_students desc, f.name, f.id";
        List<FirmCount> counts = new ArrayList<>();
        for (Object row : bind(em.createNativeQuery(sql), where.parameters).getResultList()) {
            Object[] r = (Object[]) row;
            counts.add(new FirmCount((UUID) r[0], (String) r[1], ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).intValue(), ((Number) r[5]).intValue()));
        }
        return counts;
    }

    /** Names for group keys, looked up once per report. */
    Map<String, String> labels(GroupBy groupBy, List<String> keys) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (keys.isEmpty() || groupBy == GroupBy.TYPE) {
            return labels;
        }
        String sql = switch (groupBy) {
            case FIRM -> "select id::text, name from firm where id::text in (:keys)";
            case MAJOR -> "select code, name from major where code in (:keys)";
            case ORDER_CLASS -> "select id::text, name from order_class where id::text in (:keys)";
            case TYPE -> throw new IllegalStateException("types have fixed labels");
        };
        for (Object row : em.createNativeQuery(sql).setParameter("keys", keys).getResultList()) {
            Object[] r = (Object[]) row;
            labels.put((String) r[0], (String) r[1]);
        }
        return labels;
    }

    private record Where(String from, String conditions, Map<String, Object> parameters) {
    }

    /** The counted placements: not cancelled, starting in the range, matching the filters. */
    private static Where where(ReportFilter filter, boolean joinStudent) {
        boolean student = joinStudent || filter.majorCode() != null;
        String from = "from placement p" + (student ? " join student s on s.id = p.student_id" : "");
        StringBuilder conditions = new StringBuilder("p.status <> 'CANCELLED'");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.from() > 0) {
            conditions.append(" and p.start_date >= :rangeStart and p.start_date < :rangeEnd");
            parameters.put("rangeStart", filter.yearBasis().firstDay(filter.from()));
            parameters.put("rangeEnd", filter.yearBasis().firstDay(filter.to() + 1));
        }
        add(conditions, parameters, "p.firm_id = :firmId", "firmId", filter.firmId());
        add(conditions, parameters, "s.major_code = :majorCode", "majorCode", filter.majorCode());
        add(conditions, parameters, "p.order_class_id = :orderClassId", "orderClassId", filter.orderClassId());
        add(conditions, parameters, "p.type = :type", "type", filter.type() == null ? null : filter.type().name());
        add(conditions, parameters, "p.firm_id = :scopeFirm", "scopeFirm", filter.scopeFirmId());
        return new Where(from, conditions.toString(), parameters);
    }

    private static void add(StringBuilder conditions, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null) {
            conditions.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
