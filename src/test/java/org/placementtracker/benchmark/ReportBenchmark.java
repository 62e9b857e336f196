package org.placementtracker.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * and checks that a report reflects a write made just before it. Results go to
 * target/benchmark/report-benchmark.md.
 *
 * <pre>./mvnw -Pbenchmark verify</pre>
 *
 * Uses BENCH_DB_URL (a server's maintenance database; a database pt_report_bench is recreated on
 * it) or else an embedded PostgreSQL.
 */
public final class ReportBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = Integer.getInteger("benchmark.runs", 30);
    private static final String DATABASE = "pt_report_bench";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Case(String name, String query, ReportFilter filter, GroupBy groupBy) {
    }

    private record Timing(double p50, double p95) {
    }

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("benchmark.sizes", "100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        String user = System.getenv().getOrDefault("BENCH_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");
        EmbeddedPostgres embedded = null;
        String url;
        String server = System.getenv("BENCH_DB_URL");
        if (server != null && !server.isBlank()) {
            try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + DATABASE + " with (force)");
                s.execute("create database " + DATABASE);
            }
            url = server.substring(0, server.lastIndexOf('/') + 1) + DATABASE;
        } else {
            embedded = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("work_mem", "64MB").start();
            try (Connection c = embedded.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + DATABASE);
            }
            url = embedded.getJdbcUrl(user, DATABASE);
        }
        StringBuilder report = new StringBuilder();
        report.append("# Placement report benchmark\n\n").append("Date: ").append(LocalDate.now()).append("; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; PostgreSQL ")
                .append(embedded == null ? "server " + server : "embedded (zonky)").append("; ")
                .append(RUNS).append(" timed calls after ").append(WARMUP).append(" warm-up calls per case.\n\n")
                .append("| placements | case | HTTP p50 ms | HTTP p95 ms | SQL p50 ms | SQL p95 ms | HTTP/SQL p50 |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|\n");
        DataGenerator.migrate(url, user, password);
        Process service = null;
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            int port = freePort();
            String base = "http://localhost:" + port;
            for (int size : sizes) {
                long generating = System.nanoTime();
                DataGenerator.generate(db, size);
                System.out.printf("generated %,d placements in %.1f s%n", size, (System.nanoTime() - generating) / 1e9);
                if (service == null) {
                    service = startService(url, user, password, port);
                    awaitReady(base);
                }
                UUID largestFirm = largestFirm(db);
                List<Case> cases = List.of(
                        new Case("no filter", "", filter(null), null),
                        new Case("firmId (largest firm)", "&firmId=" + largestFirm, filter(largestFirm), null),
                        new Case("groupBy=firm", "&groupBy=firm", filter(null), GroupBy.FIRM));
                for (Case c : cases) {
                    Timing http = time(() -> get(base + "/api/v1/reports/placements/yearly?from=2014&to=2025" + c.query()));
                    Timing sql = time(() -> runSql(db, PlacementCounts.yearlyStatement(c.filter(), c.groupBy())));
                    String line = String.format(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %.1f | %.1f | %.2f |%n", size,
                            c.name(), http.p50(), http.p95(), sql.p50(), sql.p95(), http.p50() / sql.p50());
                    System.out.print(line);
                    report.append(line);
                }
            }
            report.append("\nFreshness: ").append(freshness(base, db)).append('\n');
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            if (embedded != null) {
                embedded.close();
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
    private static String freshness(String base, Connection db) throws Exception {
        UUID firm = largestFirm(db);
        String query = base + "/api/v1/reports/placements/yearly?from=2025&to=2025&firmId=" + firm;
        long before = personTimes(get(query));
        String student = post(base + "/api/v1/students", "{\"studentNo\": \"BENCH" + System.nanoTime() % 1_000_000_000L
                + "\", \"name\": \"基准\", \"gender\": \"MALE\", \"birthDate\": \"2008-01-01\", \"majorCode\": \"B00001\", "
                + "\"cohortYear\": 2024}");
        post(base + "/api/v1/placements", "{\"studentId\": \"" + idOf(student) + "\", \"firmId\": \"" + firm
                + "\", \"type\": \"COGNITIVE\", \"startDate\": \"2025-06-01\", \"endDate\": \"2025-06-02\"}");
        long after = personTimes(get(query));
        return after == before + 1
                ? "a placement created through the API was counted by the next report call (" + before + " → " + after + ")"
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
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select firm_id from placement group by firm_id order by count(*) desc, firm_id limit 1")) {
            rs.next();
            return (UUID) rs.getObject(1);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static Timing time(Call call) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Timing(percentile(millis, 0.50), percentile(millis, 0.95));
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Runs the service's own statement through plain JDBC, reading every row as the service does. */
    private static void runSql(Connection db, PlacementCounts.Statement statement) throws Exception {
        List<Object> values = new ArrayList<>();
        Matcher m = Pattern.compile("(?<!:):([a-zA-Z]\\w*)").matcher(statement.sql());
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            values.add(statement.parameters().get(m.group(1)));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        try (PreparedStatement ps = db.prepareStatement(positional.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(4);
                }
            }
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String post(String url, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static Process startService(String url, String user, String password, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar");
        builder.environment().put("DB_URL", url);
        builder.environment().put("DB_USER", user);
        builder.environment().put("DB_PASSWORD", password);
        builder.environment().put("PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(Path.of("target/benchmark-service.log").toFile());
        return builder.start();
    }

    private static void awaitReady(String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("service did not become ready; see target/benchmark-service.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
