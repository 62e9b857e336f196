package org.placementtracker.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseBootstrapTest {

    @Test
    void unreachableServerGivesOneLineNamingTheUrlAndTheFix() {
        String url = "jdbc:postgresql://127.0.0.1:1/placement_tracker";
        Optional<String> line = DatabaseBootstrap.problemReaching(url, "postgres", null);
        assertTrue(line.isPresent());
        assertEquals(1, line.get().lines().count());
        assertTrue(line.get().contains(url));
        assertTrue(line.get().contains("DB_URL"));
    }

    @Test
    void theBuiltInDatabaseKeepsWhatItAcknowledged(@TempDir Path folder) throws Exception {
        try (EmbeddedPostgres postgres = DatabaseBootstrap.startEmbedded(folder.resolve("postgres"));
                Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet value = s.executeQuery("show " + setting)) {
                    value.next();
                    assertEquals("on", value.getString(1), setting);
                }
            }
        }
    }

    @Test
    void eachDataFolderHasItsOwnKeyInside(@TempDir Path parent) throws Exception {
        Path one = Files.createDirectories(parent.resolve("one"));
        Path two = Files.createDirectories(parent.resolve("two"));
        String first = DatabaseBootstrap.localDataKey(one);
        assertEquals(first, DatabaseBootstrap.localDataKey(one));
        assertNotEquals(first, DatabaseBootstrap.localDataKey(two));
        assertTrue(Files.exists(one.resolve(DatabaseBootstrap.KEY_FILE)));
        assertTrue(Files.notExists(parent.resolve("data-key")));
    }

    @Test
    void aKeyKeptBesideTheFolderIsCarriedInside(@TempDir Path parent) throws Exception {
        Files.writeString(parent.resolve("data-key"), "earlier-key\n");
        Path folder = Files.createDirectories(parent.resolve("postgres"));
        assertEquals("earlier-key", DatabaseBootstrap.localDataKey(folder));
        assertEquals("earlier-key", Files.readString(folder.resolve(DatabaseBootstrap.KEY_FILE)));
    }
}
