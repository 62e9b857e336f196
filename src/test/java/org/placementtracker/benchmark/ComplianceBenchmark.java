package org.placementtracker.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the internship rules cost, side by side: two instances of the packaged service on one
 * database of 1,000,000 placements, one with every rule OFF and one with every rule on (WARN, so
 * nothing is refused and every rule is evaluated and recorded), take turns creating post
 * internships at the largest firm (the share rules count its interns on every day); then the
 * breach list for a year is timed with 100,000 breaches stored. Results go to
 * target/benchmark/compliance-benchmark.md.
 *
 * <pre>./mvnw -Pbenchmark verify -Dbenchmark.name=Compliance</pre>
 */
public final class ComplianceBenchmark {

    private static final String DATABASE = "pt_compliance_bench";
    private static final int PLACEMENTS = Integer.getInteger("benchmark.placements", 1_000_000);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 200);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 300);
    private static final int BREACHES = 100_000;

    private record Timing(double p50, double p95) {}

    private ComplianceBenchmark() {}

    public static void main(String[] args) throws Exception {
        StringBuilder report = new StringBuilder();
        try (BenchmarkRig.Database database = BenchmarkRig.Database.create(DATABASE);
                Connection db = database.connect()) {
            long generating = System.nanoTime();
            DataGenerator.generate(db, PLACEMENTS);
            System.out.printf(
                    "generated %,d placements in %.1f s%n", PLACEMENTS, (System.nanoTime() - generating) / 1e9);
            // One data key for both: each would otherwise take the ID numbers for its own.
            Map<String, String> shared =
                    Map.of("PT_DATA_KEY", Base64.getEncoder().encodeToString(BenchmarkRig.randomBytes(32)));
            try (BenchmarkRig.Service off = BenchmarkRig.Service.start(
                            database, "service-rules-off", with(shared, "COMPLIANCE_DEFAULT_MODE", "OFF"));
                    BenchmarkRig.Service on = BenchmarkRig.Service.start(
                            database, "service-rules-on", with(shared, "COMPLIANCE_DEFAULT_MODE", "WARN"))) {
                off.grantKey(db);
                on.grantKey(db);
                UUID firm = largestFirm(db);
                long firmPlacements = count(db, "select count(*) from placement where firm_id = '" + firm + "'");
                List<UUID> students = enrolledStudents(db, 2 * (WARMUP + RUNS));
                // Each create: another student, a six-month post internship at the largest firm, on
                // days that move on with every create, so the share counts see earlier ones overlap.
                int[] next = {0};
                Supplier<byte[]> body = () -> {
                    int i = next[0]++;
                    LocalDate start = LocalDate.of(2026, 3, 1).plusDays(i % 120);
                    return ("{\"studentId\": \"" + students.get(i) + "\", \"firmId\": \"" + firm
                                    + "\", \"type\": \"POST_INTERNSHIP\", \"position\": \"装配工\", \"startDate\": \""
                                    + start + "\", \"endDate\": \""
                                    + start.plusMonths(6).minusDays(1)
                                    + "\", \"agreementRef\": \"XY-1\", \"agreementSignedOn\": \"" + start.minusDays(14)
                                    + "\", \"insurancePolicyNo\": \"P-1\", \"insuranceFrom\": \"" + start
                                    + "\", \"insuranceTo\": \"" + start.plusMonths(6)
                                    + "\", \"insurancePaidBy\": \"SCHOOL\", \"monthlyPay\": 3600, \"postWage\": 4200, "
                                    + "\"payPeriod\": \"MONTHLY\", \"dailyHours\": 8}")
                            .getBytes(StandardCharsets.UTF_8);
                };
                for (int i = 0; i < WARMUP; i++) {
                    create(off, body.get());
                    create(on, body.get());
                }
                double[] withoutRules = new double[RUNS];
                double[] withRules = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    // Alternate which goes first, so neither always meets the other's after-effects.
                    if (i % 2 == 0) {
                        withoutRules[i] = create(off, body.get());
                        withRules[i] = create(on, body.get());
                    } else {
                        withRules[i] = create(on, body.get());
                        withoutRules[i] = create(off, body.get());
                    }
                }
                Timing plain = timing(withoutRules);
                Timing ruled = timing(withRules);

                seedBreaches(db);
                int year = 2024;
                String list = "/api/v1/compliance/breaches?year=" + year + "&limit=50";
                String firmList = list + "&firmId=" + firm;
                Timing breachList = time(on, list);
                Timing firmBreachList = time(on, firmList);
                long yearBreaches = count(
                        db,
                        "select count(*) from compliance_breach where status = 'OPEN' and placement_start >= '" + year
                                + "-01-01' and placement_start < '" + (year + 1) + "-01-01'");

                report.append("# Compliance benchmark\n\n")
                        .append("Date: ")
                        .append(LocalDate.now())
                        .append("; ")
                        .append(Runtime.getRuntime().availableProcessors())
                        .append(" cores; PostgreSQL ")
                        .append(database.description())
                        .append(String.format(
                                Locale.ROOT,
                                "; %,d placements, the largest firm has %,d; %d creates per side after %d warm-up "
                                        + "creates each, alternating.\n\n",
                                PLACEMENTS,
                                firmPlacements,
                                RUNS,
                                WARMUP))
                        .append("| case | p50 ms | p95 ms |\n|---|---:|---:|\n")
                        .append(row("POST /placements, rules OFF", plain))
                        .append(row("POST /placements, every rule on (WARN)", ruled))
                        .append(String.format(
                                Locale.ROOT,
                                "| with rules / without (p50) | %.2f | %.2f |%n",
                                ruled.p50() / plain.p50(),
                                ruled.p95() / plain.p95()))
                        .append(row(
                                String.format(
                                        Locale.ROOT,
                                        "GET /compliance/breaches?year=%d&limit=50 (%,d open that year, %,d stored)",
                                        year,
                                        yearBreaches,
                                        BREACHES),
                                breachList))
                        .append(row("the same with firmId (largest firm)", firmBreachList));
            }
        }
        System.out.print(report);
        java.nio.file.Path out = java.nio.file.Path.of("target/benchmark/compliance-benchmark.md");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, report.toString());
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(base);
        all.put(name, value);
        return all;
    }

    private static String row(String name, Timing t) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", name, t.p50(), t.p95());
    }

    /** One create; its time in milliseconds. */
    private static double create(BenchmarkRig.Service service, byte[] body) throws Exception {
        long started = System.nanoTime();
        service.call("POST", "/api/v1/placements", body, "application/json", 201);
        return (System.nanoTime() - started) / 1e6;
    }

    private static Timing time(BenchmarkRig.Service service, String path) throws Exception {
        for (int i = 0; i < 20; i++) {
            service.get(path);
        }
        double[] ms = new double[60];
        for (int i = 0; i < ms.length; i++) {
            long started = System.nanoTime();
            service.get(path);
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        return timing(ms);
    }

    private static Timing timing(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Timing(sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]);
    }

    private static UUID largestFirm(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(
                        "select p.firm_id from placement p join firm f on f.id = p.firm_id where f.status = 'ACTIVE' "
                                + "group by p.firm_id order by count(*) desc limit 1")) {
            r.next();
            return r.getObject(1, UUID.class);
        }
    }

    /** Students who may be placed, with nothing from 2026 on that a new placement could overlap. */
    private static List<UUID> enrolledStudents(Connection db, int n) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(
                "select s.id from student s where s.status = 'ENROLLED' and not exists (select 1 from placement p "
                        + "where p.student_id = s.id and p.end_date >= '2026-01-01') order by s.id limit ?")) {
            q.setInt(1, n);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        if (ids.size() < n) {
            throw new IllegalStateException(
                    "only " + ids.size() + " enrolled students free to place, " + n + " needed");
        }
        return ids;
    }

    /** Breaches of one placement in ten (a school with poor records), spread over the rules, open. */
    private static void seedBreaches(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("insert into compliance_breach (id, placement_id, firm_id, student_id, rule, mode, status, "
                    + "detail, placement_start, detected_at) "
                    + "select gen_random_uuid(), id, firm_id, student_id, (array['insurance-coverage', "
                    + "'pay-80-percent', 'agreement-before-start', 'working-time'])[1 + (abs(hashtext(id::text)) % 4)], "
                    + "'WARN', 'OPEN', 'seeded for the benchmark', start_date, now() "
                    + "from placement where status <> 'CANCELLED' order by id limit " + BREACHES);
            s.execute("analyze compliance_breach");
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
