package org.placementtracker.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.placementtracker.common.CreditCode;

/**
 * Fills a database with a consortium-scale history: about 25 schools' worth of students sending
 * placements to ~300 firms from 2014 to 2025 — repeat placements of the same student, order
 * classes with rotations, work-study, cancellations and terminations. Everything is set-based SQL
 * in PostgreSQL, deterministic for a given size (setseed), and respects every constraint of the
 * schema (no overlapping placements per student). Existing data in the tables it fills is removed.
 *
 * <pre>
 * ./mvnw -Pgenerate-data verify -Dgenerate.url=jdbc:postgresql://127.0.0.1:5432/bench -Dgenerate.placements=1000000
 * </pre>
 */
public final class DataGenerator {

    static final int FIRST_YEAR = 2014;
    static final int LAST_YEAR = 2025;
    static final int FIRMS = 300;
    static final int SCHOOLS = 25;

    private DataGenerator() {}

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("generate.url", System.getenv("DB_URL"));
        if (url == null || url.isBlank()) {
            System.err.println("Set -Dgenerate.url=jdbc:postgresql://host:5432/database (or DB_URL)");
            System.exit(2);
        }
        String user = System.getProperty("generate.user", System.getenv().getOrDefault("DB_USER", "postgres"));
        String password =
                System.getProperty("generate.password", System.getenv().getOrDefault("DB_PASSWORD", ""));
        int placements = Integer.parseInt(System.getProperty("generate.placements", "1000000"));
        long started = System.nanoTime();
        migrate(url, user, password);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            generate(c, placements);
        }
        System.out.printf("Generated %,d placements in %.1f s%n", placements, (System.nanoTime() - started) / 1e9);
    }

    static void migrate(String url, String user, String password) {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Replaces the data with a generated history of exactly {@code placements} placements. */
    static void generate(Connection c, int placements) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(
                    "truncate placement, rotation, order_class_member, order_class, student, firm, major, change_event "
                            + "cascade");
            // Generated history is not news for change-feed readers: skip the per-row triggers (needs a
            // superuser; without one the events are simply written too).
            try (Statement quiet = c.createStatement()) {
                quiet.execute("set session_replication_role = replica");
            } catch (SQLException e) {
                c.rollback();
                s.execute("truncate placement, rotation, order_class_member, order_class, student, firm, major, "
                        + "change_event cascade");
            }
            s.execute("select setseed(0.42)");
            s.execute("insert into major (code, name, major_group) select 'B' || lpad(g::text, 5, '0'), "
                    + "'专业' || g, '专业群' || (g % 8) from generate_series(1, 40) g");
        }
        insertFirms(c);
        // ~2.5 placements per student: about 400,000 students for 1,000,000 placements.
        int students = Math.max(1000, placements * 2 / 5);
        try (Statement s = c.createStatement()) {
            s.execute("insert into student (id, student_no, name, gender, birth_date, major_code, cohort_year, "
                    + "class_name, status) select gen_random_uuid(), 'B' || lpad(g::text, 9, '0'), '学生' || g, "
                    + "case when g % 2 = 0 then 'MALE' else 'FEMALE' end, "
                    + "make_date(2013 + (g % 12) - 15, 1 + g % 12, 1 + g % 28), "
                    + "'B' || lpad((1 + g % 40)::text, 5, '0'), 2013 + (g % 12), (g % 40) || '班', "
                    + "case when 2013 + (g % 12) < 2023 then 'GRADUATED' else 'ENROLLED' end "
                    + "from generate_series(1, " + students + ") g");
            // Order classes: each school runs one per firm-year for a tenth of the firms.
            s.execute("insert into order_class (id, name, firm_id, major_code, intake_year, quota, programme, status, "
                    + "member_count) select gen_random_uuid(), '订单班' || f.rn || '-' || y, f.id, "
                    + "'B' || lpad((1 + f.rn % 40)::text, 5, '0'), y, 60, "
                    + "(array['ORDER_CLASS','DUAL_SYSTEM','MODERN_APPRENTICESHIP'])[1 + f.rn % 3], "
                    + "case when y < 2025 then 'CLOSED' else 'OPEN' end, 0 "
                    + "from (select id, row_number() over (order by name) rn from firm) f "
                    + "cross join generate_series(2013, 2024) y where f.rn % 10 < " + SCHOOLS / 10);
            s.execute(
                    "insert into rotation (id, order_class_id, firm_id, site, start_date, end_date, mentor_name, status) "
                            + "select gen_random_uuid(), o.id, o.firm_id, '车间' || k, "
                            + "make_date(o.intake_year + 1, 3, 1) + (k * 120), make_date(o.intake_year + 1, 3, 1) + (k * 120 + 60), "
                            + "'师傅' || k, case when o.intake_year + 1 < 2025 then 'COMPLETED' else 'PLANNED' end "
                            + "from order_class o cross join generate_series(0, 2) k");
            // Placements: a student's k-th placement lies inside its own 120-day slot (start jitter up to
            // 50 days, at most 60 days long), so none overlap.
            // Slot starts spread the history over 2014-2025; about 5% are cancelled, 3% terminated.
            s.execute("create temporary table slot on commit drop as "
                    + "select s.id as student_id, s.cohort_year, k, random() as r, random() as r2, random() as r3, "
                    + "random() as r4 "
                    + "from student s cross join generate_series(0, 4) k");
            s.execute("insert into placement (id, student_id, firm_id, type, order_class_id, rotation_id, position, "
                    + "start_date, end_date, status, status_reason) "
                    + "select gen_random_uuid(), x.student_id, f.id, x.type, null, null, '岗位' || (x.k + 1), "
                    + "x.start_date, x.start_date + x.days, "
                    + "case when x.r2 < 0.05 then 'CANCELLED' when x.r2 < 0.08 then 'TERMINATED' "
                    + "when x.start_date + x.days < date '2026-11-29' then 'COMPLETED' "
                    + "when x.start_date <= date '2026-11-29' then 'ACTIVE' else 'PLANNED' end, "
                    + "case when x.r2 < 0.05 then '计划取消' when x.r2 < 0.08 then '提前终止' end "
                    + "from (select sl.*, "
                    + "  make_date(" + FIRST_YEAR + ", 1, 1) + ((sl.cohort_year - 2013) * 365 + sl.k * 120 + "
                    + "    (sl.r * 50)::int) as start_date, "
                    + "  20 + (sl.r4 * 40)::int as days, "
                    + "  (array['COGNITIVE','FOLLOW_POST','POST_INTERNSHIP','WORK_STUDY','APPRENTICESHIP'])"
                    + "    [1 + (sl.r * 1000)::int % 5] as type, "
                    + "  1 + (sl.r * 100000)::int % " + FIRMS + " as firm_rank "
                    + "  from slot sl) x "
                    + "join (select id, row_number() over (order by name) rn from firm) f on f.rn = x.firm_rank "
                    + "where x.start_date <= make_date(" + LAST_YEAR + ", 12, 31) order by x.r3 limit " + placements);
            // Work-study placements of a firm's class years belong to that order class.
            s.execute("update placement p set order_class_id = o.id from order_class o "
                    + "where p.type = 'WORK_STUDY' and o.firm_id = p.firm_id "
                    + "and o.intake_year = extract(year from p.start_date)::int - 1");
        }
        c.commit();
        try (Statement s = c.createStatement()) {
            s.execute("set session_replication_role = origin");
        } catch (SQLException e) {
            // it was never changed
        }
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
        }
    }

    private static void insertFirms(Connection c) throws SQLException {
        Random random = new Random(42);
        try (PreparedStatement insert =
                c.prepareStatement("insert into firm (id, name, credit_code, industry, district, "
                        + "headcount, status) values (?, ?, ?, ?, ?, ?, 'ACTIVE')")) {
            for (int i = 1; i <= FIRMS; i++) {
                String first17 = String.format("91500118%09d", 100_000_000 + i);
                insert.setObject(1, new UUID(42, i));
                insert.setString(2, String.format("合作企业%03d有限公司", i));
                insert.setString(3, first17 + CreditCode.checkCharacterFor(first17));
                insert.setString(4, i % 3 == 0 ? "信息技术" : i % 3 == 1 ? "汽车制造" : "精密制造");
                insert.setString(5, "永川区");
                insert.setInt(6, 100 + random.nextInt(20_000));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
