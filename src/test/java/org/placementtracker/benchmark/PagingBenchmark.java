package org.placementtracker.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Pages through every student (about 400,000, from the data generator's 1,000,000 placements)
 * with {@code limit=200} through the HTTP API of the packaged service, following each page's
 * {@code nextCursor}, in a few orders; then times the first page, the page in the middle and the
 * last page, in turn. With keyset pagination on a matching index every page costs about the same,
 * wherever it lies. Results go to target/benchmark/paging-benchmark.md.
 *
 * <pre>./mvnw -Pbenchmark verify -Dbenchmark.name=Paging</pre>
 *
 * Uses BENCH_DB_URL (a server's maintenance database; a database pt_paging_bench is recreated on
 * it) or else an embedded PostgreSQL.
 */
public final class PagingBenchmark {

    private static final String DATABASE = "pt_paging_bench";
    private static final int PLACEMENTS = Integer.getInteger("benchmark.placements", 1_000_000);
    private static final int LIMIT = 200;
    private static final int WARMUP = 5;
    private static final int RUNS = Integer.getInteger("benchmark.runs", 15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One list to walk: its query, and the SQL that counts the rows it must show. */
    private record Case(String name, String query, String count) {}

    private record Timing(double p50, double p95) {}

    /** The cursors that lead to the middle and to the last page, found by walking the whole list. */
    private record Walk(long rows, int pages, double seconds, String middleCursor, String lastCursor) {}

    private PagingBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Case> cases = List.of(
                new Case(
                        "students, sort=studentNo (default)",
                        "/api/v1/students?limit=" + LIMIT,
                        "select count(*) from student"),
                new Case(
                        "students, sort=-name (pinyin, descending)",
                        "/api/v1/students?limit=" + LIMIT + "&sort=-name",
                        "select count(*) from student"),
                new Case(
                        "students, majorCode=B00001, sort=studentNo",
                        "/api/v1/students?limit=" + LIMIT + "&majorCode=B00001",
                        "select count(*) from student where major_code = 'B00001'"));
        StringBuilder report = new StringBuilder();
        try (BenchmarkRig.Database database = BenchmarkRig.Database.create(DATABASE);
                Connection db = database.connect()) {
            long generating = System.nanoTime();
            DataGenerator.generate(db, PLACEMENTS);
            System.out.printf(
                    "generated %,d placements in %.1f s%n", PLACEMENTS, (System.nanoTime() - generating) / 1e9);
            try (BenchmarkRig.Service service = BenchmarkRig.Service.start(database)) {
                service.grantKey(db);
                report.append("# Paging benchmark\n\n")
                        .append("Date: ")
                        .append(LocalDate.now())
                        .append("; ")
                        .append(Runtime.getRuntime().availableProcessors())
                        .append(" cores; PostgreSQL ")
                        .append(database.description())
                        .append("; ")
                        .append(String.format(Locale.ROOT, "%,d", count(db, "select count(*) from student")))
                        .append(" students; limit=")
                        .append(LIMIT)
                        .append("; each list walked once through its cursors, "
                                + "then the first, middle and last page timed in turn, ")
                        .append(RUNS)
                        .append(" times each after ")
                        .append(WARMUP)
                        .append(" warm-up rounds; ms.\n\n")
                        .append("| list | rows | pages | whole walk s | first p50 / p95 | middle p50 / p95 "
                                + "| last p50 / p95 | last / first (p50) |\n")
                        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
                for (Case c : cases) {
                    long expected = count(db, c.count());
                    Walk walk = walk(service, c.query());
                    if (walk.rows() != expected) {
                        throw new IllegalStateException(
                                c.name() + ": walked " + walk.rows() + " rows, expected " + expected);
                    }
                    Timing[] pages = timeInTurn(service, c.query(), walk);
                    String line = String.format(
                            Locale.ROOT,
                            "| %s | %,d | %,d | %.1f | %.1f / %.1f | %.1f / %.1f " + "| %.1f / %.1f | %.2f |%n",
                            c.name(),
                            walk.rows(),
                            walk.pages(),
                            walk.seconds(),
                            pages[0].p50(),
                            pages[0].p95(),
                            pages[1].p50(),
                            pages[1].p95(),
                            pages[2].p50(),
                            pages[2].p95(),
                            pages[2].p50() / pages[0].p50());
                    System.out.print(line);
                    report.append(line);
                }
            }
        }
        Path out = Path.of("target/benchmark/paging-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    /** Follows the cursors from the first page to the last, counting rows and keeping two cursors. */
    private static Walk walk(BenchmarkRig.Service service, String query) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        int pages = 0;
        String cursor = null;
        List<String> cursors = new ArrayList<>();
        do {
            JsonNode page = JSON.readTree(service.get(withCursor(query, cursor)));
            rows += page.get("items").size();
            pages++;
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            if (cursor != null) {
                cursors.add(cursor);
            }
        } while (cursor != null);
        double seconds = (System.nanoTime() - start) / 1e9;
        // cursors.get(i) leads to page i + 2.
        String middle = cursors.isEmpty() ? null : cursors.get(cursors.size() / 2);
        String last = cursors.isEmpty() ? null : cursors.get(cursors.size() - 1);
        return new Walk(rows, pages, seconds, middle, last);
    }

    /** First, middle and last page, one of each per round, so that load from elsewhere falls on all alike. */
    private static Timing[] timeInTurn(BenchmarkRig.Service service, String query, Walk walk) throws Exception {
        String[] paths = {
            withCursor(query, null), withCursor(query, walk.middleCursor()), withCursor(query, walk.lastCursor())
        };
        for (int i = 0; i < WARMUP; i++) {
            for (String path : paths) {
                service.get(path);
            }
        }
        double[][] millis = new double[paths.length][RUNS];
        for (int i = 0; i < RUNS; i++) {
            for (int p = 0; p < paths.length; p++) {
                long start = System.nanoTime();
                service.get(paths[p]);
                millis[p][i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Timing[] timings = new Timing[paths.length];
        for (int p = 0; p < paths.length; p++) {
            Arrays.sort(millis[p]);
            timings[p] = new Timing(percentile(millis[p], 0.50), percentile(millis[p], 0.95));
        }
        return timings;
    }

    private static String withCursor(String query, String cursor) {
        return cursor == null ? query : query + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
