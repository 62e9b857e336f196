package org.placementtracker.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.placementtracker.placement.YearBasis;
import org.placementtracker.report.GroupBy;
import org.placementtracker.report.PlacementCounts;
import org.placementtracker.report.ReportFilter;

/**
 * Times the yearly placement report through HTTP against the packaged service, next to the very
 * same SQL statement run directly on PostgreSQL (the floor), at 100,000 and 1,000,000 placements,
 * with the liveness probe as the floor of any HTTP call, and checks that a report reflects a write
 * made just before it. Results go to target/benchmark/report-benchmark.md.
 *
 * <pre>./mvnw -Pbenchmark verify</pre>
 *
 * Uses BENCH_DB_URL (a server's maintenance database; a database pt_report_bench is recreated on
 * it) or else an embedded PostgreSQL.
 */
public final class ReportBenchmark {

    private static final int WARMUP = 5;
    private static final Duration WARMUP_TIME = Duration.ofSeconds(3);
    private static final int MAX_WARMUP = 2_000;
    private static final int RUNS = Integer.getInteger("benchmark.runs", 30);
    private static final String DATABASE = "pt_report_bench";

    /** A report call; {@code credential} null means this run's admin key. */
    private record Case(String name, String query, ReportFilter filter, GroupBy groupBy, String credential) {}

    private record Timing(double p50, double p95) {}

    private ReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(
                        System.getProperty("benchmark.sizes", "100000,1000000").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        StringBuilder report = new StringBuilder();
        try (BenchmarkRig.Database database = BenchmarkRig.Database.create(DATABASE);
                Connection db = database.connect()) {
            report.append("# Placement report benchmark\n\n")
                    .append("Date: ")
                    .append(LocalDate.now())
                    .append("; ")
                    .append(Runtime.getRuntime().availableProcessors())
                    .append(" cores; PostgreSQL ")
                    .append(database.description())
                    .append("; ")
                    .append(RUNS)
                    .append(" timed calls per case after ")
                    .append(WARMUP)
                    .append(" warm-up calls, or ")
                    .append(WARMUP_TIME.toSeconds())
                    .append(" s of them if more (at most ")
                    .append(MAX_WARMUP)
                    .append("); HTTP and SQL calls alternate.\n\n")
                    .append(
                            "| placements | case | HTTP p50 ms | HTTP p95 ms | SQL p50 ms | SQL p95 ms | HTTP/SQL p50 |\n")
                    .append("|---:|---|---:|---:|---:|---:|---:|\n");
            BenchmarkRig.Service service = null;
            try {
                Map<String, List<Timing[]>> timings = new LinkedHashMap<>();
                for (int size : sizes) {
                    long generating = System.nanoTime();
                    DataGenerator.generate(db, size);
                    System.out.printf(
                            "generated %,d placements in %.1f s%n", size, (System.nanoTime() - generating) / 1e9);
                    if (service == null) {
                        service = BenchmarkRig.Service.start(database);
                    }
                    service.grantKey(db);
                    BenchmarkRig.Service http = service;
                    // What any request costs (no database): the rest of an HTTP time is the report's own.
                    Timing live = time(() -> http.get("/q/health/live"));
                    String floor = String.format(
                            Locale.ROOT,
                            "| %,d | HTTP floor: GET /q/health/live | %.1f | %.1f | – | – | – |%n",
                            size,
                            live.p50(),
                            live.p95());
                    System.out.print(floor);
                    report.append(floor);
                    UUID largestFirm = largestFirm(db);
                    // The largest firm's own HR system: the same report through the partner's scope.
                    String partner = http.partnerKey(db, largestFirm);
                    List<Case> cases = List.of(
                            new Case("no filter", "", filter(null), null, null),
                            new Case(
                                    "firmId (largest firm)", "&firmId=" + largestFirm, filter(largestFirm), null, null),
                            new Case(
                                    "partner of the largest firm, firmId",
                                    "&firmId=" + largestFirm,
                                    filter(largestFirm),
                                    null,
                                    partner),
                            new Case("groupBy=firm", "&groupBy=firm", filter(null), GroupBy.FIRM, null));
                    for (Case c : cases) {
                        Timing[] httpAndSql = timeAlternately(
                                () -> {
                                    String path = "/api/v1/reports/placements/yearly?from=2014&to=2025" + c.query();
                                    if (c.credential() == null) {
                                        http.get(path);
                                    } else {
                                        http.getAs(c.credential(), path);
                                    }
                                },
                                () -> runSql(db, PlacementCounts.yearlyStatement(c.filter(), c.groupBy())));
                        Timing httpTiming = httpAndSql[0];
                        Timing sql = httpAndSql[1];
                        String line = String.format(
                                Locale.ROOT,
                                "| %,d | %s | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
                                size,
                                c.name(),
                                httpTiming.p50(),
                                httpTiming.p95(),
                                sql.p50(),
                                sql.p95(),
                                httpTiming.p50() / sql.p50());
                        System.out.print(line);
                        report.append(line);
                        timings.computeIfAbsent(c.name(), k -> new ArrayList<>())
                                .add(new Timing[] {httpTiming, sql});
                    }
                }
                report.append(growth(sizes, timings));
                report.append("\nFreshness: ").append(freshness(service, db)).append('\n');
            } finally {
                if (service != null) {
                    service.close();
                }
            }
        }
        Path out = Path.of("target/benchmark/report-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private static ReportFilter filter(UUID firmId) {
        return new ReportFilter(2014, 2025, YearBasis.CALENDAR, firmId, null, null, null);
    }

    /** Writes a placement through the API and reads the report at once: it must count it. */
    private static String freshness(BenchmarkRig.Service service, Connection db) throws Exception {
        UUID firm = largestFirm(db);
        String query = "/api/v1/reports/placements/yearly?from=2025&to=2025&firmId=" + firm;
        long before = personTimes(service.get(query));
        String student = post(
                service,
                "/api/v1/students",
                "{\"studentNo\": \"BENCH" + System.nanoTime() % 1_000_000_000L
                        + "\", \"name\": \"基准\", \"gender\": \"MALE\", \"birthDate\": \"2008-01-01\", \"majorCode\": \"B00001\", "
                        + "\"cohortYear\": 2024}");
        post(
                service,
                "/api/v1/placements",
                "{\"studentId\": \"" + idOf(student) + "\", \"firmId\": \"" + firm
                        + "\", \"type\": \"COGNITIVE\", \"startDate\": \"2025-06-01\", \"endDate\": \"2025-06-02\"}");
        long after = personTimes(service.get(query));
        return after == before + 1
                ? "a placement created through the API was counted by the next report call (" + before + " → " + after
                        + ")"
                : "FAILED: report showed " + after + " after a write, expected " + (before + 1);
    }

    private static long personTimes(String json) {
        Matcher m = Pattern.compile("\"personTimes\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no personTimes in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String idOf(String json) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    private static UUID largestFirm(Connection db) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "select firm_id from placement group by firm_id order by count(*) desc, firm_id limit 1")) {
            rs.next();
            return (UUID) rs.getObject(1);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static Timing time(Call call) throws Exception {
        return timeAlternately(call)[0];
    }

    /**
     * Times the calls in turn, one of each per round, so that load from anything else on the machine
     * falls on all of them alike rather than on whichever happened to run during a burst.
     */
    private static Timing[] timeAlternately(Call... calls) throws Exception {
        // Fast cases warm up for longer: the service's request path must be JIT-compiled before it is
        // timed, which takes a few thousand calls, or a just-started service is charged for compiling.
        long warmUntil = System.nanoTime() + WARMUP_TIME.toNanos();
        for (int i = 0; i < WARMUP || (i < MAX_WARMUP && System.nanoTime() < warmUntil); i++) {
            for (Call call : calls) {
                call.run();
            }
        }
        double[][] millis = new double[calls.length][RUNS];
        for (int i = 0; i < RUNS; i++) {
            for (int c = 0; c < calls.length; c++) {
                long start = System.nanoTime();
                calls[c].run();
                millis[c][i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Timing[] timings = new Timing[calls.length];
        for (int c = 0; c < calls.length; c++) {
            Arrays.sort(millis[c]);
            timings[c] = new Timing(percentile(millis[c], 0.50), percentile(millis[c], 0.95));
        }
        return timings;
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Runs the service's own statement through plain JDBC, prepared and bound as the service does, reading every row. */
    private static void runSql(Connection db, PlacementCounts.Statement statement) throws Exception {
        try (PreparedStatement prepared = statement.prepare(db);
                ResultSet rows = prepared.executeQuery()) {
            while (rows.next()) {
                rows.getLong(4);
            }
        }
    }

    /** How much longer each case took at the largest size than at the smallest, next to how much more data. */
    private static String growth(int[] sizes, Map<String, List<Timing[]>> timings) {
        if (sizes.length < 2) {
            return "";
        }
        int first = sizes[0];
        int last = sizes[sizes.length - 1];
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%nGrowth from %,d to %,d placements (%.0f× the data), p50:%n%n| case | HTTP | SQL |%n|---|---:|---:|%n",
                first,
                last,
                (double) last / first));
        timings.forEach((name, bySize) -> out.append(String.format(
                Locale.ROOT,
                "| %s | %.1f× | %.1f× |%n",
                name,
                bySize.get(bySize.size() - 1)[0].p50() / bySize.get(0)[0].p50(),
                bySize.get(bySize.size() - 1)[1].p50() / bySize.get(0)[1].p50())));
        return out.toString();
    }

    private static String post(BenchmarkRig.Service service, String path, String json) throws IOException {
        return service.call("POST", path, json.getBytes(StandardCharsets.UTF_8), "application/json", 201);
    }
}
