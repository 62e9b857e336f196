package org.placementtracker.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A PostgreSQL database of the tests' own. With TEST_DB_URL (a server's maintenance database, e.g.
 * jdbc:postgresql://127.0.0.1:5432/postgres) the tests recreate {@code placement_tracker_test} on
 * that server; otherwise they start a throw-away embedded PostgreSQL. Never the service's own data.
 * It also gives the tests their credentials: see {@link TestCredentials}.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "placement_tracker_test";
    private EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        String server = System.getenv("TEST_DB_URL");
        String user = System.getenv().getOrDefault("TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("TEST_DB_PASSWORD", "");
        try {
            String url;
            if (server != null && !server.isBlank()) {
                try (Connection c = DriverManager.getConnection(server, user, password)) {
                    recreate(c);
                }
                url = server.substring(0, server.lastIndexOf('/') + 1) + DATABASE;
            } else {
                embedded = EmbeddedPostgres.builder()
                        .setServerConfig("timezone", "UTC")
                        .start();
                try (Connection c = embedded.getPostgresDatabase().getConnection()) {
                    recreate(c);
                }
                url = embedded.getJdbcUrl("postgres", DATABASE);
            }
            Map<String, String> config = new HashMap<>(Map.of(
                    "quarkus.datasource.jdbc.url",
                    url,
                    "quarkus.datasource.username",
                    user,
                    "quarkus.datasource.password",
                    password));
            config.putAll(TestCredentials.configuration());
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test database", e);
        }
    }

    private static void recreate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        }
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (Exception e) {
                // the JVM is ending
            }
        }
    }
}
