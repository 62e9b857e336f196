package org.placementtracker.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
