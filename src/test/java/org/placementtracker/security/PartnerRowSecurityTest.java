package org.placementtracker.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.placementtracker.firm.Firm;
import org.placementtracker.placement.Placement;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * The partner's scope holds in the database, not in the queries: code written without any thought
 * of partners (an unscoped Panache query, raw SQL on a pooled connection) run inside a partner's
 * request sees only the partner's firm and changes nothing elsewhere.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class PartnerRowSecurityTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void unscopedQueriesInAPartnersRequestSeeOnlyItsFirm() throws Exception {
        String major = TestData.major();
        UUID own = UUID.fromString(TestData.firm());
        UUID other = UUID.fromString(TestData.firm());
        String ownStudent = TestData.student(major);
        String otherStudent = TestData.student(major);
        UUID ownPlacement = UUID.fromString(TestData.placement(ownStudent, own.toString(), "2025-03-01", "2025-03-31"));
        UUID otherPlacement =
                UUID.fromString(TestData.placement(otherStudent, other.toString(), "2025-03-01", "2025-03-31"));
        TestData.orderClass(other.toString(), major, 10);

        // As staff, the same code sees both firms.
        assertTrue(Firm.count() >= 2);
        assertTrue(count("select count(*) from placement") >= 2);

        asPartnerOf(own, () -> {
            // Panache, with no filter at all.
            List<Placement> placements = QuarkusTransaction.requiringNew().call(() -> Placement.listAll());
            assertEquals(
                    List.of(ownPlacement), placements.stream().map(p -> p.id).toList());
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Firm.count()));
            assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Firm.findById(other)));
            // Raw SQL on a connection from the pool.
            List<String> failures = new ArrayList<>();
            expect(failures, "select count(*) from firm where id <> '" + own + "'", 0);
            expect(failures, "select count(*) from placement where firm_id <> '" + own + "'", 0);
            expect(failures, "select count(*) from placement", 1);
            expect(failures, "select count(*) from student", 1);
            expect(failures, "select count(*) from student where id = '" + otherStudent + "'", 0);
            expect(failures, "select count(*) from order_class where firm_id <> '" + own + "'", 0);
            expect(failures, "select count(*) from rotation where firm_id <> '" + own + "'", 0);
            expect(failures, "select count(*) from order_class_member", 0);
            expect(failures, "select count(*) from api_key", 0);
            expect(failures, "select count(*) from id_number_reveal", 0);
            expect(failures, "select count(*) from placement_aud", 0);
            expect(failures, "select count(*) from student_aud", 0);
            expect(
                    failures,
                    "select count(*) from change_event where firm_id <> '" + own + "' and entity_type <> 'student'",
                    0);
            // Writes reach only its own rows.
            expect(
                    failures,
                    "with changed as (update placement set position = 'x' where id = '" + otherPlacement
                            + "' returning 1) select count(*) from changed",
                    0);
            expect(
                    failures,
                    "with gone as (delete from firm where id = '" + other + "' returning 1) select count(*) from gone",
                    0);
            assertTrue(failures.isEmpty(), String.join("\n", failures));
            return null;
        });

        // Back to staff: the pooled connections carry no partner scope any more.
        assertTrue(count("select count(*) from placement") >= 2);
        assertEquals(1, count("select count(*) from firm where id = '" + other + "'"));
    }

    /** Runs {@code work} in a request whose caller is a partner of {@code firm}, as the API would. */
    private static <T> T asPartnerOf(UUID firm, Callable<T> work) throws Exception {
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            Arc.container().instance(PartnerScope.class).get().set(firm);
            return work.call();
        } finally {
            requests.terminate();
        }
    }

    private void expect(List<String> failures, String sql, long expected) throws Exception {
        long found = count(sql);
        if (found != expected) {
            failures.add(sql + " gave " + found + ", expected " + expected);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
