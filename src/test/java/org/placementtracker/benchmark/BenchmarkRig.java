package org.placementtracker.benchmark;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What every benchmark stands on: a fresh database (on BENCH_DB_URL's server, or an embedded
 * PostgreSQL), the packaged service started against it with an admin key of this run, and plain
 * blocking HTTP calls to it.
 */
public final class BenchmarkRig {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 600_000;

    private BenchmarkRig() {}

    /** A freshly created, migrated database. */
    public record Database(String url, String user, String password, String description, EmbeddedPostgres embedded)
            implements AutoCloseable {

        /**
         * Recreates {@code name} on the server of BENCH_DB_URL (its maintenance database), or on an
         * embedded PostgreSQL when that is not set, and migrates it.
         */
        public static Database create(String name) throws Exception {
            String user = System.getenv().getOrDefault("BENCH_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");
            String server = System.getenv("BENCH_DB_URL");
            Database database;
            if (server != null && !server.isBlank()) {
                // Under exec:java the driver is on a class loader DriverManager does not scan by itself.
                Class.forName("org.postgresql.Driver");
                try (Connection c = DriverManager.getConnection(server, user, password);
                        Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + name + " with (force)");
                    s.execute("create database " + name);
                }
                database = new Database(
                        server.substring(0, server.lastIndexOf('/') + 1) + name,
                        user,
                        password,
                        "server " + server,
                        null);
            } else {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                        .setServerConfig("shared_buffers", "512MB")
                        .setServerConfig("work_mem", "64MB")
                        .start();
                try (Connection c = embedded.getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("create database " + name);
                }
                database = new Database(embedded.getJdbcUrl(user, name), user, password, "embedded (zonky)", embedded);
            }
            DataGenerator.migrate(database.url(), user, password);
            return database;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void close() throws IOException {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** The packaged service (target/quarkus-app) running against a database, called with its own admin key. */
    public static final class Service implements AutoCloseable {

        private final String key;
        private final String base;
        private final Process process;

        private Service(String base, Process process, String key) {
            this.base = base;
            this.process = process;
            this.key = key;
        }

        static Service start(Database database) throws Exception {
            return start(database, "service", Map.of());
        }

        /**
         * A service with more environment variables (which win over the rig's), logging to
         * target/benchmark/{@code name}.log; several may run on one database.
         */
        public static Service start(Database database, String name, Map<String, String> environment) throws Exception {
            int port = freePort();
            String key = "ptk_" + HexFormat.of().formatHex(randomBytes(24));
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    "target/quarkus-app/quarkus-run.jar");
            builder.environment().put("DB_URL", database.url());
            builder.environment().put("DB_USER", database.user());
            builder.environment().put("DB_PASSWORD", database.password());
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("PT_DATA_KEY", Base64.getEncoder().encodeToString(randomBytes(32)));
            builder.environment().put("RATE_LIMIT_PER_MINUTE", "100000000");
            // A service nobody can administer does not start; this run's key is its first admin key.
            builder.environment().put("PT_BOOTSTRAP_ADMIN_KEY", key);
            builder.environment().putAll(environment);
            Path log = Path.of("target/benchmark/" + name + ".log");
            Files.createDirectories(log.getParent());
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            // The loopback address rather than a name to resolve.
            Service service = new Service("http://127.0.0.1:" + port, builder.start(), key);
            service.awaitReady();
            return service;
        }

        /**
         * Stores this run's admin key. Call it again after anything that empties the key table (the
         * data generator does, with the firms).
         */
        public void grantKey(Connection db) throws Exception {
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
            try (var insert =
                    db.prepareStatement("insert into api_key (id, name, role, key_hash, key_prefix, created_by) "
                            + "values (gen_random_uuid(), 'benchmark', 'ADMIN', ?, 'ptk_bench', 'benchmark') "
                            + "on conflict (key_hash) do nothing")) {
                insert.setString(1, hash);
                insert.executeUpdate();
            }
        }

        /** A PARTNER key of the firm, stored as the admin key is; returns the key itself. */
        String partnerKey(Connection db, UUID firm) throws Exception {
            String partner = "ptk_" + HexFormat.of().formatHex(randomBytes(24));
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(partner.getBytes(StandardCharsets.UTF_8)));
            try (var insert = db.prepareStatement(
                    "insert into api_key (id, name, role, firm_id, key_hash, key_prefix, created_by) "
                            + "values (gen_random_uuid(), 'benchmark-partner', 'PARTNER', ?, ?, 'ptk_bench', 'benchmark')")) {
                insert.setObject(1, firm);
                insert.setString(2, hash);
                insert.executeUpdate();
            }
            return partner;
        }

        String get(String path) throws IOException {
            return call("GET", path, null, null, 200);
        }

        /** A GET with another credential than this run's admin key. */
        String getAs(String credential, String path) throws IOException {
            return call("GET", path, null, null, 200, credential);
        }

        /**
         * A blocking HTTP/1.1 call on a kept-alive connection that reads the response on the calling
         * thread, as JDBC does for the SQL floor. java.net.http by default first tries an h2c upgrade and
         * hands every response between its own threads, which on a busy two-core machine costs about a
         * millisecond a call and would be charged to the service.
         */
        public String call(String method, String path, byte[] body, String contentType, int expected)
                throws IOException {
            return call(method, path, body, contentType, expected, key);
        }

        private String call(
                String method, String path, byte[] body, String contentType, int expected, String credential)
                throws IOException {
            Answer answer = exchange(method, path, body, contentType, credential);
            if (answer.status() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": "
                        + answer.body().substring(0, Math.min(answer.body().length(), 2_000)));
            }
            return answer.body();
        }

        /** An answer's status and body. */
        public record Answer(int status, String body) {}

        /** A call as this run's admin, whatever its answer. */
        public Answer exchange(String method, String path, byte[] body, String contentType) throws IOException {
            return exchange(method, path, body, contentType, key);
        }

        private Answer exchange(String method, String path, byte[] body, String contentType, String credential)
                throws IOException {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setRequestMethod(method);
            connection.setRequestProperty("Authorization", "Bearer " + credential);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                connection.setRequestProperty("Content-Type", contentType);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            String answer;
            // Reading the body to its end, error or not, is what returns the connection for reuse.
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(status, answer);
        }

        private void awaitReady() {
            try {
                await("the service is ready")
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(200))
                        // One predicate: a second ignoreExceptions… call replaces the first.
                        .ignoreExceptionsMatching(e -> e instanceof IOException || e instanceof IllegalStateException)
                        .until(() -> {
                            get("/q/health/ready"); // throws until it answers 200
                            return true;
                        });
            } catch (ConditionTimeoutException e) {
                throw new IllegalStateException("service did not become ready; see its log in target/benchmark");
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
