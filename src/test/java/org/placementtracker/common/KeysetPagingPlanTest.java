package org.placementtracker.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.StatementLog;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * Every order of the large lists starts its pages at the cursor inside an index: in the statement
 * the service runs for a page after the first, the cursor's condition is an index condition on
 * the sort column, so a page costs the same wherever it lies. That takes both the row comparison
 * of {@link Listing} and an index on the order's columns. (How long pages take is measured by
 * PagingBenchmark, not here.) PostgreSQL is told to avoid plans without an index, so that the
 * plan shows what the indexes allow rather than what is cheapest for the few rows of a test.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class KeysetPagingPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyStudentOrderStartsItsPagesAtTheCursorInAnIndex() throws Exception {
        String major = TestData.major();
        for (int i = 0; i < 3; i++) {
            TestData.student(major);
        }
        Map<String, String> columns = Map.of(
                "studentNo", "student_no", "name", "name", "cohortYear", "cohort_year", "createdAt", "created_at");
        for (var order : columns.entrySet()) {
            for (String filter : List.of("", "&majorCode=" + major)) {
                for (String direction : List.of("", "-")) {
                    assertCursorIsAnIndexCondition(
                            "/api/v1/students?limit=1&sort=" + direction + order.getKey() + filter,
                            "student",
                            order.getValue());
                }
            }
        }
    }

    @Test
    void everyPlacementOrderStartsItsPagesAtTheCursorInAnIndex() throws Exception {
        String firm = TestData.firm();
        String student = TestData.student(TestData.major());
        TestData.placement(student, firm, "2025-03-01", "2025-03-31");
        TestData.placement(student, firm, "2025-04-01", "2025-04-30");
        TestData.placement(student, firm, "2025-05-01", "2025-05-31");
        Map<String, String> columns = Map.of("startDate", "start_date", "createdAt", "created_at");
        for (var order : columns.entrySet()) {
            for (String filter : List.of("", "&firmId=" + firm)) {
                for (String direction : List.of("", "-")) {
                    assertCursorIsAnIndexCondition(
                            "/api/v1/placements?limit=1&sort=" + direction + order.getKey() + filter,
                            "placement",
                            order.getValue());
                }
            }
        }
    }

    /** Reads the list's second page and asks PostgreSQL how it would run the statement that read it. */
    private void assertCursorIsAnIndexCondition(String list, String table, String column) throws Exception {
        String cursor = Api.get(list).statusCode(200).extract().path("nextCursor");
        long before = StatementLog.count();
        Api.json().queryParam("cursor", cursor).get(list).then().statusCode(200);
        StatementLog.Executed page = StatementLog.since(before).stream()
                .filter(e -> e.sql() != null
                        && e.sql().contains(" from " + table + " ")
                        && e.sql().contains(" fetch first "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no page query on " + table + " for " + list));
        List<String> plan = plan(page);
        Pattern cursorColumn = Pattern.compile("Index Cond: .*\\b" + column + "\\b");
        assertTrue(
                plan.stream().anyMatch(line -> cursorColumn.matcher(line).find()),
                list + " does not start at the cursor in an index:\n" + page.sql() + "\n" + String.join("\n", plan));
    }

    private List<String> plan(StatementLog.Executed statement) throws Exception {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (Statement settings = db.createStatement()) {
                settings.execute("set local enable_seqscan = off");
                settings.execute("set local enable_bitmapscan = off");
                settings.execute("set local enable_sort = off");
            }
            List<String> lines = new ArrayList<>();
            try (PreparedStatement explain = statement.prepare(db, "explain ");
                    ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    lines.add(plan.getString(1));
                }
            } finally {
                db.rollback();
            }
            return lines;
        }
    }
}
