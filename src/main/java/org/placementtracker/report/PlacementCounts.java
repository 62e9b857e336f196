package org.placementtracker.report;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.placementtracker.compliance.Rule;

/**
 * The counting queries. PostgreSQL does the counting, so no placement is ever loaded into Java.
 * They run as plain JDBC on a pooled connection and outside any transaction: they read no entities,
 * and each report is a single statement, which on its own sees one consistent snapshot of the
 * committed placements. A small report then costs its query and little else: no native-query
 * interpretation, no BEGIN and COMMIT round trips.
 */
@ApplicationScoped
public class PlacementCounts {

    /** One aggregate row; {@code total} marks the range total; {@code label} names the key where a table does. */
    record Count(boolean total, int year, String key, String label, long personTimes, long distinctStudents) {}

    /** Counted placements at one firm. */
    record FirmCount(
            UUID firmId, String firmName, long personTimes, long distinctStudents, int firstYear, int lastYear) {}

    /** A counting statement: SQL with positional parameters, bound in order. */
    public record Statement(String sql, List<Object> parameters) {

        /** This statement prepared on {@code connection} with its parameters bound, ready to execute. */
        public PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement prepared = connection.prepareStatement(sql);
            try {
                for (int i = 0; i < parameters.size(); i++) {
                    prepared.setObject(i + 1, parameters.get(i));
                }
                return prepared;
            } catch (SQLException e) {
                prepared.close();
                throw e;
            }
        }
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public PlacementCounts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The statement behind the yearly report (public so the benchmark times exactly this SQL).
     * <p>
     * The inner aggregate counts each student's placements per year (and group), and once more per
     * student over the whole range (the grouping set with the year null). The outer aggregate adds
     * these up per year and group: person-times are the sums, distinct students the number of rows,
     * and the per-student rows give the range total, where a student counts once however many years
     * they appear in. Ordered by student, the inner aggregate streams over a report index that is
     * already in (student, year, firm) order, so memory stays flat and time grows with the number of
     * placements, where a count(distinct) per year sorts or hashes them all. Group names are joined
     * to the few counted rows, so the report is this one statement.
     */
    public static Statement yearlyStatement(ReportFilter filter, GroupBy groupBy) {
        Where where = where(filter);
        String counted = perYear(
                perStudent(filter.yearBasis().sqlYear(), groupBy, filter.scopeFirmId() != null, where), groupBy);
        String labelled = "select t.year, t.key::text, " + (groupBy == null ? "null::text" : groupBy.sqlLabel())
                + " as label, t.person_times, t.distinct_students from (" + counted + ") t"
                + (groupBy == null ? "" : groupBy.labelJoin());
        return new Statement(labelled, where.parameters);
    }

    /** Rows (student_id, year, key, placements); year and key are null in each student's rollup row. */
    private static String perStudent(String year, GroupBy groupBy, boolean partnerScoped, Where where) {
        boolean keyed = groupBy != null && !groupBy.ofStudent();
        String key = keyed ? groupBy.sqlKey(partnerScoped) : "null::text";
        return "select p.student_id, " + year + " as year, " + key + " as key, count(*)::int as placements "
                + where.from + " where " + where.conditions
                + " group by grouping sets ((p.student_id, " + year + (keyed ? ", " + key : "") + "), (p.student_id))"
                // Asks for the order the index already has; without it the planner may pick a hash
                // aggregate, whose cost it underestimates once the per-student rows outgrow work_mem.
                + " order by p.student_id";
    }

    /** Rows (year, key, person_times, distinct_students); the year is null in the range total. */
    private static String perYear(String perStudent, GroupBy groupBy) {
        String sums = "sum(c.placements) as person_times, count(*) as distinct_students";
        if (groupBy != null && groupBy.ofStudent()) {
            return "select c.year, case when c.year is not null then " + groupBy.sqlKey() + " end as key, " + sums
                    + " from (" + perStudent + ") c join student s on s.id = c.student_id group by 1, 2";
        }
        return "select c.year, c.key, " + sums + " from (" + perStudent + ") c group by c.year, c.key";
    }

    List<Count> yearly(ReportFilter filter, GroupBy groupBy) {
        return query(yearlyStatement(filter, groupBy), row -> {
            int year = row.getInt(1);
            boolean total = row.wasNull();
            return new Count(total, year, row.getString(2), row.getString(3), row.getLong(4), row.getLong(5));
        });
    }

    List<FirmCount> byFirm(ReportFilter filter) {
        String year = filter.yearBasis().sqlYear();
        Where where = where(filter);
        String sql = "select f.id, f.name, c.person_times, c.distinct_students, c.first_year, c.last_year from ("
                + "select p.firm_id, count(*) as person_times, count(distinct p.student_id) as distinct_students, "
                + "min(" + year + ") as first_year, max(" + year + ") as last_year "
                + where.from + " where " + where.conditions + " group by p.firm_id) c join firm f on f.id = c.firm_id "
                + "order by c.person_times desc, c.distinct_students desc, f.name, f.id";
        return query(
                new Statement(sql, where.parameters),
                row -> new FirmCount(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        row.getLong(3),
                        row.getLong(4),
                        row.getInt(5),
                        row.getInt(6)));
    }

    /** Breaches per year and rule, then per rule over the range (year null), of one firm or all. */
    List<ComplianceYearly.Row> breaches(int from, int to, UUID firmId) {
        String sql = "select extract(year from b.placement_start)::int as year, b.rule, "
                + "count(*) filter (where b.status = 'OPEN'), count(*) filter (where b.status = 'RESOLVED'), "
                + "count(distinct b.placement_id) from compliance_breach b "
                + "where b.placement_start >= make_date(?, 1, 1) and b.placement_start < make_date(? + 1, 1, 1) "
                + "and (?::uuid is null or b.firm_id = ?::uuid) "
                + "group by grouping sets ((1, 2), (2)) order by 1 nulls last, 2";
        return query(new Statement(sql, java.util.Arrays.asList(from, to, firmId, firmId)), row -> {
            int year = row.getInt(1);
            Integer maybeYear = row.wasNull() ? null : year;
            Rule rule = Rule.byId(row.getString(2));
            return new ComplianceYearly.Row(
                    maybeYear, rule, rule.article(), row.getLong(3), row.getLong(4), row.getLong(5));
        });
    }

    /** The breach list's rows for a file, oldest placement first; at most {@code limit}. */
    List<List<Object>> breachRows(Integer year, UUID firmId, String rule, String status, int limit) {
        String sql = "select b.placement_start, f.name, b.rule, b.mode, b.status, b.detail, b.placement_id, "
                + "b.student_id, b.detected_at, b.resolved_at from compliance_breach b join firm f on f.id = b.firm_id "
                + "where (?::int is null or (b.placement_start >= make_date(?::int, 1, 1) "
                + "and b.placement_start < make_date(?::int + 1, 1, 1))) "
                + "and (?::uuid is null or b.firm_id = ?::uuid) and (?::text is null or b.rule = ?::text) "
                + "and b.status = ? order by b.placement_start, b.id limit ?";
        return query(
                new Statement(
                        sql, java.util.Arrays.asList(year, year, year, firmId, firmId, rule, rule, status, limit)),
                row -> java.util.Arrays.asList(
                        row.getObject(1, java.time.LocalDate.class).toString(),
                        row.getString(2),
                        row.getString(3),
                        Rule.byId(row.getString(3)).article(),
                        row.getString(4),
                        row.getString(5).toLowerCase(java.util.Locale.ROOT),
                        row.getString(6),
                        row.getObject(7, UUID.class).toString(),
                        row.getObject(8, UUID.class).toString(),
                        row.getObject(9, java.time.OffsetDateTime.class)
                                .toInstant()
                                .toString(),
                        row.getObject(10, java.time.OffsetDateTime.class) == null
                                ? ""
                                : row.getObject(10, java.time.OffsetDateTime.class)
                                        .toInstant()
                                        .toString()));
    }

    private <T> List<T> query(Statement statement, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement prepared = statement.prepare(connection);
                ResultSet rows = prepared.executeQuery()) {
            List<T> read = new ArrayList<>();
            while (rows.next()) {
                read.add(reader.read(rows));
            }
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("counting placements failed", e);
        }
    }

    private record Where(String from, String conditions, List<Object> parameters) {}

    /** The counted placements: not cancelled, starting in the range, matching the filters. */
    private static Where where(ReportFilter filter) {
        String from = "from placement p" + (filter.majorCode() == null ? "" : " join student s on s.id = p.student_id");
        StringBuilder conditions = new StringBuilder("p.status <> 'CANCELLED'");
        List<Object> parameters = new ArrayList<>();
        if (filter.from() > 0) {
            // Literal dates, not parameters: a prepared statement reused often enough gets a generic
            // plan, which would assume a narrow range and sort what is mostly the whole table. They
            // are formatted from validated years, never from request text.
            conditions
                    .append(" and p.start_date >= date '")
                    .append(filter.yearBasis().firstDay(filter.from()))
                    .append("' and p.start_date < date '")
                    .append(filter.yearBasis().firstDay(filter.to() + 1))
                    .append('\'');
        }
        add(conditions, parameters, "p.firm_id = ?", filter.firmId());
        add(conditions, parameters, "s.major_code = ?", filter.majorCode());
        add(conditions, parameters, "p.order_class_id = ?", filter.orderClassId());
        add(
                conditions,
                parameters,
                "p.type = ?",
                filter.type() == null ? null : filter.type().name());
        // A partner's reports cover its own firm only, whatever the filters name.
        add(conditions, parameters, "p.firm_id = ?", filter.scopeFirmId());
        return new Where(from, conditions.toString(), parameters);
    }

    private static void add(StringBuilder conditions, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            conditions.append(" and ").append(condition);
            parameters.add(value);
        }
    }
}
