package org.placementtracker.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the database before the service starts. With {@code DB_URL} set, the service uses that
 * PostgreSQL server and stops at once with one clear line when it cannot be reached. Without it,
 * the service starts a local PostgreSQL whose data lives in {@code PT_DATA_DIR} (default
 * {@code .data/postgres}) and survives restarts.
 */
public final class DatabaseBootstrap {

    static final String URL = "DB_URL";
    static final String USER = "DB_USER";
    static final String PASSWORD = "DB_PASSWORD";
    static final String DATA_KEY = "PT_DATA_KEY";
    private static final String DATABASE = "placement_tracker";
    /** Inside the data folder; PostgreSQL ignores files it does not know there. */
    static final String KEY_FILE = "pt-data-key";
    /** Held so the level sticks: initdb's chatter is not news to someone starting the service. */
    private static final Logger EMBEDDED_LOG = Logger.getLogger("io.zonky");

    private DatabaseBootstrap() {}

    public static void prepare() {
        String configured = setting(URL);
        if (configured == null) {
            // Dev-mode restarts run main again in the same JVM: keep the database already started.
            if (System.getProperty(URL) == null) {
                startEmbedded();
            }
            return;
        }
        String dataKey = System.getProperty(DATA_KEY, System.getenv(DATA_KEY));
        if (dataKey == null || dataKey.isBlank()) {
            System.err.println("FATAL: PT_DATA_KEY is not set: ID numbers are stored encrypted with it. Generate one "
                    + "with `openssl rand -base64 32`, keep it safe, and pass it to every instance.");
            System.exit(1);
        }
        problemReaching(configured, setting(USER) == null ? "postgres" : setting(USER), setting(PASSWORD))
                .ifPresent(line -> {
                    System.err.println(line);
                    System.exit(1);
                });
    }

    /**
     * The built-in database's data key lives inside its data folder, made once with the data, so
     * each data folder has its own. A key from before, kept beside the folder, is carried inside.
     */
    static String localDataKey(Path dataDir) throws IOException {
        Path keyFile = dataDir.resolve(KEY_FILE);
        if (!Files.exists(keyFile)) {
            Path earlier = dataDir.resolveSibling("data-key");
            String key;
            if (Files.exists(earlier)) {
                key = Files.readString(earlier).trim();
            } else {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                key = Base64.getEncoder().encodeToString(bytes);
            }
            Files.writeString(keyFile, key);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own protection applies
            }
        }
        return Files.readString(keyFile).trim();
    }

    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        if (value == null) {
            value = System.getenv("QUARKUS_DATASOURCE_JDBC_" + name.substring(3));
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** The one line to stop with when the configured server cannot be reached. */
    static Optional<String> problemReaching(String url, String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("FATAL: cannot connect to PostgreSQL at " + url + " (" + firstLine(e.getMessage())
                    + "). Start that server or correct DB_URL, DB_USER and DB_PASSWORD; unset DB_URL to use "
                    + "the built-in local database instead.");
        }
    }

    private static void startEmbedded() {
        Path dataDir = Path.of(System.getenv().getOrDefault("PT_DATA_DIR", ".data/postgres"))
                .toAbsolutePath();
        EMBEDDED_LOG.setLevel(Level.WARNING);
        try {
            EmbeddedPostgres postgres = startEmbedded(dataDir);
            if (System.getenv(DATA_KEY) == null && System.getProperty(DATA_KEY) == null) {
                System.setProperty(DATA_KEY, localDataKey(dataDir));
            }
            System.setProperty(URL, postgres.getJdbcUrl("postgres", DATABASE));
            System.setProperty(USER, "postgres");
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    postgres.close();
                                } catch (IOException e) {
                                    // the process is ending anyway
                                }
                            },
                            "embedded-postgres-stop"));
            System.setProperty(EmbeddedDatabaseNotice.DATA_DIR_PROPERTY, dataDir.toString());
        } catch (IOException | SQLException e) {
            System.err.println("FATAL: cannot start the built-in PostgreSQL in " + dataDir + " ("
                    + firstLine(e.getMessage()) + "). Set DB_URL, DB_USER and DB_PASSWORD to use a PostgreSQL server.");
            System.exit(1);
        }
    }

    /**
     * Starts the built-in PostgreSQL on {@code dataDir} with its database. Unlike a throw-away test
     * server it keeps what it acknowledged: the embedded defaults turn fsync, synchronous commit and
     * full-page writes off, which a crash would turn into lost or corrupt data.
     */
    static EmbeddedPostgres startEmbedded(Path dataDir) throws IOException, SQLException {
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        createDatabaseIfMissing(postgres);
        return postgres;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
