package org.placementtracker.benchmark;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Imports 100,000 placements through {@code POST /api/v1/placements/batch} (CSV files of 10,000
 * rows, the most one call takes, atomic) and loads the very same rows with PostgreSQL {@code COPY}
 * into the same table of the same database (the floor: no checks, no history, one statement), and
 * compares the two. The rounds alternate and each starts from the same data.
 *
 * <pre>./mvnw -Pbenchmark verify -Dbenchmark.name=Import</pre>
 *
 * Uses BENCH_DB_URL (a server's maintenance database; a database pt_import_bench is recreated on
 * it) or else an embedded PostgreSQL. Results go to target/benchmark/import-benchmark.md.
 */
public final class ImportBenchmark {

    private static final String DATABASE = "pt_import_bench";
    private static final int ROWS = Integer.getInteger("benchmark.rows", 100_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    private static final int BATCH = 10_000;
    /** Placements already in the database, as a school with a history has. */
    private static final int HISTORY = 100_000;

    private static final String HEADER = "studentId,firmId,type,position,startDate,endDate,externalRef";
    private static final String[] TYPES = {"COGNITIVE", "FOLLOW_POST", "POST_INTERNSHIP", "WORK_STUDY", "APPRENTICESHIP"
    };
    private static final LocalDate FIRST_START = LocalDate.of(2027, 1, 1);

    private record Row(
            UUID studentId,
            UUID firmId,
            String type,
            String position,
            LocalDate start,
            LocalDate end,
            String externalRef) {

        String csv() {
            return studentId + "," + firmId + "," + type + "," + position + "," + start + "," + end + "," + externalRef;
        }
    }

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        StringBuilder report = new StringBuilder();
        try (BenchmarkRig.Database database = BenchmarkRig.Database.create(DATABASE);
                Connection db = database.connect()) {
            long generating = System.nanoTime();
            DataGenerator.generate(db, HISTORY);
            System.out.printf("generated %,d placements in %.1f s%n", HISTORY, (System.nanoTime() - generating) / 1e9);
            List<Row> rows = rows(db);
            try (BenchmarkRig.Service service = BenchmarkRig.Service.start(database)) {
                service.grantKey(db);
                report.append("# Placement import benchmark\n\n")
                        .append("Date: ")
                        .append(LocalDate.now())
                        .append("; ")
                        .append(Runtime.getRuntime().availableProcessors())
                        .append(" cores; PostgreSQL ")
                        .append(database.description())
                        .append("; ")
                        .append(String.format(Locale.ROOT, "%,d", HISTORY))
                        .append(" placements already stored; ")
                        .append(String.format(Locale.ROOT, "%,d", ROWS))
                        .append(" new placements per round, as CSV files of ")
                        .append(String.format(Locale.ROOT, "%,d", BATCH))
                        .append(" rows (API, atomic=true) or one COPY; " + "each round starts from the same data.\n\n")
                        .append("| round | API s | API rows/s | COPY s | COPY rows/s | API/COPY |\n")
                        .append("|---:|---:|---:|---:|---:|---:|\n");
                double[] api = new double[ROUNDS];
                double[] copy = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    api[round] = importThroughApi(service, rows);
                    requireImported(db, rows.size());
                    reset(db);
                    copy[round] = copy(db, rows);
                    requireImported(db, rows.size());
                    reset(db);
                    String line = String.format(
                            Locale.ROOT,
                            "| %d | %.2f | %,.0f | %.2f | %,.0f | %.2f |%n",
                            round + 1,
                            api[round],
                            rows.size() / api[round],
                            copy[round],
                            rows.size() / copy[round],
                            api[round] / copy[round]);
                    System.out.print(line);
                    report.append(line);
                }
                double apiMedian = median(api);
                double copyMedian = median(copy);
                report.append(String.format(
                        Locale.ROOT,
                        "| median | %.2f | %,.0f | %.2f | %,.0f | %.2f |%n",
                        apiMedian,
                        rows.size() / apiMedian,
                        copyMedian,
                        rows.size() / copyMedian,
                        apiMedian / copyMedian));
            }
        }
        Path out = Path.of("target/benchmark/import-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    /**
     * The rows to import: enrolled students at active firms, each student's placements one after
     * another from 2027 (after any stored one), so that every row passes every rule.
     */
    private static List<Row> rows(Connection db) throws SQLException {
        List<UUID> students = ids(db, "select id from student where status = 'ENROLLED' order by student_no");
        List<UUID> firms = ids(db, "select id from firm where status = 'ACTIVE' order by name");
        List<Row> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            int turn = i / students.size();
            LocalDate start = FIRST_START.plusDays(30L * turn);
            rows.add(new Row(
                    students.get(i % students.size()),
                    firms.get(i % firms.size()),
                    TYPES[i % TYPES.length],
                    "岗位" + (i % 50),
                    start,
                    start.plusDays(20),
                    String.format("IMP-%07d", i)));
        }
        return rows;
    }

    private static List<UUID> ids(Connection db, String query) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                ids.add((UUID) rs.getObject(1));
            }
        }
        return ids;
    }

    /** Seconds to import every row through the API, in files of at most 10,000 rows. */
    private static double importThroughApi(BenchmarkRig.Service service, List<Row> rows) throws Exception {
        List<byte[]> files = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            StringBuilder csv = new StringBuilder(HEADER).append('\n');
            rows.subList(from, Math.min(rows.size(), from + BATCH))
                    .forEach(r -> csv.append(r.csv()).append('\n'));
            files.add(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        long start = System.nanoTime();
        for (byte[] file : files) {
            service.call("POST", "/api/v1/placements/batch", file, "text/csv; charset=utf-8", 200);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds to COPY the same rows, with the ids and status the service would give them, in one statement. */
    private static double copy(Connection db, List<Row> rows) throws Exception {
        StringBuilder csv = new StringBuilder();
        rows.forEach(
                r -> csv.append(UUID.randomUUID()).append(',').append(r.csv()).append(",PLANNED\n"));
        String data = csv.toString();
        long start = System.nanoTime();
        db.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                        "copy placement (id, student_id, firm_id, type, position, "
                                + "start_date, end_date, external_ref, status) from stdin (format csv)",
                        new StringReader(data));
        return (System.nanoTime() - start) / 1e9;
    }

    private static void requireImported(Connection db, int expected) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from placement where external_ref like 'IMP-%'")) {
            rs.next();
            if (rs.getLong(1) != expected) {
                throw new IllegalStateException(
                        "expected " + expected + " imported placements, found " + rs.getLong(1));
            }
        }
    }

    /** Back to the generated history: no imported placements, their history and their events. */
    private static void reset(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("delete from placement_aud where external_ref like 'IMP-%'");
            s.execute("delete from placement where external_ref like 'IMP-%'");
            s.execute("delete from change_event where entity_type = 'placement'");
            s.execute("vacuum analyze placement");
            s.execute("vacuum analyze placement_aud");
            s.execute("vacuum analyze change_event");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
