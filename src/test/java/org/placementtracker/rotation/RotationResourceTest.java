package org.placementtracker.rotation;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.StatementLog;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class RotationResourceTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String ORDER_CLASSES = "/api/v1/order-classes";
    private static final String ROTATIONS = "/api/v1/rotations";
    private static final String PLACEMENTS = "/api/v1/placements";

    /** An order class at its own firm, with members of its major. */
    private record ClassWithMembers(String id, String firmId, String majorCode, List<String> members) {}

    @Test
    void createsAPlannedRotationAtTheClassFirmByDefault() {
        ClassWithMembers orderClass = orderClassWith(0);

        ExtractableResponse<Response> created = Api.post(
                        rotationsOf(orderClass.id()),
                        Map.of(
                                "site",
                                "徐水整车厂总装车间",
                                "startDate",
                                "2025-03-03",
                                "endDate",
                                "2025-05-30",
                                "mentorName",
                                "张师傅"))
                .statusCode(201)
                .body("orderClassId", equalTo(orderClass.id()))
                .body("firmId", equalTo(orderClass.firmId()))
                .body("site", equalTo("徐水整车厂总装车间"))
                .body("startDate", equalTo("2025-03-03"))
                .body("endDate", equalTo("2025-05-30"))
                .body("mentorName", equalTo("张师傅"))
                .body("status", equalTo("PLANNED"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith(ROTATIONS + "/" + id));
        Api.get(ROTATIONS + "/" + id).statusCode(200).body("firmId", equalTo(orderClass.firmId()));
        Api.get(rotationsOf(orderClass.id())).statusCode(200).body("items.id", contains(id));
    }

    @Test
    void acceptsAnotherFirmForARotation() {
        ClassWithMembers orderClass = orderClassWith(0);
        String otherFirm = TestData.firm();
        Api.post(
                        rotationsOf(orderClass.id()),
                        Map.of("firmId", otherFirm, "startDate", "2025-03-03", "endDate", "2025-05-30"))
                .statusCode(201)
                .body("firmId", equalTo(otherFirm));
    }

    @Test
    void rejectsARotationOverlappingAnotherOfTheSameClass() {
        ClassWithMembers orderClass = orderClassWith(0);
        TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");

        createRotation(orderClass.id(), "2025-05-30", "2025-07-31")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/rotation-overlap"));
        createRotation(orderClass.id(), "2025-01-01", "2025-12-31")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/rotation-overlap"));
        createRotation(orderClass.id(), "2025-05-31", "2025-07-31").statusCode(201);
    }

    @Test
    void allowsOverlappingRotationsOfDifferentClasses() {
        ClassWithMembers first = orderClassWith(0);
        ClassWithMembers second = orderClassWith(0);
        TestData.rotation(first.id(), "2025-03-03", "2025-05-30");
        createRotation(second.id(), "2025-03-03", "2025-05-30").statusCode(201);
    }

    @Test
    void ignoresCancelledRotationsWhenCheckingOverlap() {
        ClassWithMembers orderClass = orderClassWith(0);
        String cancelled = TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");
        Api.patch(ROTATIONS + "/" + cancelled, "{\"status\": \"CANCELLED\"}")
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));

        createRotation(orderClass.id(), "2025-03-03", "2025-05-30").statusCode(201);
    }

    @Test
    void rejectsARotationEndingBeforeItStarts() {
        ClassWithMembers orderClass = orderClassWith(0);
        createRotation(orderClass.id(), "2025-05-30", "2025-03-03")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", contains("endDate"));
    }

    @Test
    void dispatchCreatesOneWorkStudyPlacementPerMember() {
        ClassWithMembers orderClass = orderClassWith(3);
        String rotation = TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");

        List<String> created = dispatch(rotation)
                .body("created", hasSize(3))
                .body("skipped", empty())
                .extract()
                .path("created");

        Api.get(PLACEMENTS + "?orderClassId=" + orderClass.id())
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.id", containsInAnyOrder(created.toArray()))
                .body("items.studentId", containsInAnyOrder(orderClass.members().toArray()))
                .body("items.type", everyItem(equalTo("WORK_STUDY")))
                .body("items.status", everyItem(equalTo("PLANNED")))
                .body("items.rotationId", everyItem(equalTo(rotation)))
                .body("items.firmId", everyItem(equalTo(orderClass.firmId())))
                .body("items.orderClassId", everyItem(equalTo(orderClass.id())))
                .body("items.startDate", everyItem(equalTo("2025-03-03")))
                .body("items.endDate", everyItem(equalTo("2025-05-30")))
                .body("items.position", everyItem(equalTo("总装车间")));
    }

    @Test
    void dispatchingAgainCreatesNothingAndSaysWhy() {
        ClassWithMembers orderClass = orderClassWith(3);
        String rotation = TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");
        dispatch(rotation).body("created", hasSize(3));

        dispatch(rotation)
                .body("created", empty())
                .body(
                        "skipped.studentId",
                        containsInAnyOrder(orderClass.members().toArray()))
                .body("skipped.reason", everyItem(equalTo("already dispatched for this rotation")));
        Api.get(PLACEMENTS + "?orderClassId=" + orderClass.id()).statusCode(200).body("items", hasSize(3));
    }

    @Test
    void dispatchSkipsAMemberWhoIsPlacedElsewhereInThatPeriod() {
        ClassWithMembers orderClass = orderClassWith(3);
        String busy = orderClass.members().get(1);
        TestData.placement(busy, TestData.firm(), "2025-05-01", "2025-06-30");
        String rotation = TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");

        dispatch(rotation)
                .body("created", hasSize(2))
                .body("skipped.studentId", contains(busy))
                .body("skipped[0].reason", startsWith("already placed from 2025-05-01 to 2025-06-30"));
        Api.get(PLACEMENTS + "?orderClassId=" + orderClass.id())
                .statusCode(200)
                .body(
                        "items.studentId",
                        containsInAnyOrder(
                                orderClass.members().get(0),
                                orderClass.members().get(2)));
    }

    @Test
    void dispatchSkipsAMemberWhoIsNoLongerEnrolled() {
        ClassWithMembers orderClass = orderClassWith(2);
        String suspended = orderClass.members().get(0);
        Api.patch("/api/v1/students/" + suspended, "{\"status\": \"SUSPENDED\"}")
                .statusCode(200);
        String rotation = TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");

        dispatch(rotation)
                .body("created", hasSize(1))
                .body("skipped.studentId", contains(suspended))
                .body("skipped[0].reason", equalTo("student is SUSPENDED"));
    }

    @Test
    void dispatchRunsTheSameNumberOfStatementsWhateverTheClassSize() {
        long ten = statementsToDispatch(10);
        long sixty = statementsToDispatch(60);
        assertEquals(ten, sixty, "statements to dispatch 10 members (" + ten + ") and 60 (" + sixty + ")");
    }

    /**
     * A dispatch and a placement batch over the same two students, whose id order and student
     * number order differ, both wait for a student another transaction holds; when it lets go,
     * both must finish. Locking in two different orders, each would hold a student the other
     * waits for, and PostgreSQL would end one of them as a deadlock.
     */
    @Test
    void dispatchAndAPlacementBatchOverTheSameStudentsBothFinish() throws Exception {
        ClassWithMembers orderClass = orderClassWith(2);
        // Ids in text order are in PostgreSQL's uuid order: give the later id the lower student number.
        List<String> byId = orderClass.members().stream().sorted().toList();
        String first = byId.get(0);
        String last = byId.get(1);
        Api.patch("/api/v1/students/" + last, "{\"studentNo\": \"A" + TestData.next() + "\"}")
                .statusCode(200);
        String rotation = TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");
        List<Map<String, Object>> batch = List.of(
                TestData.placementRequest(first, orderClass.firmId(), "2025-07-01", "2025-07-31"),
                TestData.placementRequest(last, orderClass.firmId(), "2025-07-01", "2025-07-31"));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection();
                Connection observer = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from student where id = ? for update")) {
                lock.setObject(1, UUID.fromString(last));
                lock.executeQuery().close();
            }
            Future<Response> dispatched = pool.submit(() -> Api.json().post(ROTATIONS + "/" + rotation + "/dispatch"));
            awaitLockWaits(observer, 1);
            Future<Response> imported = pool.submit(() -> Api.json().body(batch).post(PLACEMENTS + "/batch"));
            awaitLockWaits(observer, 2);
            holder.commit();

            dispatched.get(60, TimeUnit.SECONDS).then().statusCode(200).body("created", hasSize(2));
            imported.get(60, TimeUnit.SECONDS).then().statusCode(200).body("status", contains("created", "created"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesToDispatchToAnInactiveFirm() {
        ClassWithMembers orderClass = orderClassWith(1);
        String rotation = TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");
        Api.patch("/api/v1/firms/" + orderClass.firmId(), "{\"status\": \"INACTIVE\"}")
                .statusCode(200);

        Api.json()
                .post(ROTATIONS + "/" + rotation + "/dispatch")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/firm-inactive"));
        Api.get(PLACEMENTS + "?orderClassId=" + orderClass.id()).statusCode(200).body("items", empty());
    }

    @Test
    void cancellingARotationCancelsItsPlannedPlacementsButNotActiveOnes() {
        ClassWithMembers orderClass = orderClassWith(3);
        String rotation = TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");
        List<String> created =
                dispatch(rotation).body("created", hasSize(3)).extract().path("created");
        String active = created.get(0);
        TestData.placementStatus(active, "ACTIVE");

        Api.patch(ROTATIONS + "/" + rotation, "{\"status\": \"CANCELLED\"}")
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));

        Api.get(PLACEMENTS + "/" + active).statusCode(200).body("status", equalTo("ACTIVE"));
        for (String planned : created.subList(1, 3)) {
            Api.get(PLACEMENTS + "/" + planned)
                    .statusCode(200)
                    .body("status", equalTo("CANCELLED"))
                    .body("statusReason", equalTo("rotation cancelled"));
        }
        Api.json()
                .post(ROTATIONS + "/" + rotation + "/dispatch")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/rotation-not-dispatchable"));
        Api.patch(ROTATIONS + "/" + rotation, "{\"status\": \"PLANNED\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/rotation-cancelled"));
    }

    @Test
    void refusesToMoveADispatchedRotation() {
        ClassWithMembers orderClass = orderClassWith(1);
        String rotation = TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");
        dispatch(rotation).body("created", hasSize(1));

        Api.patch(ROTATIONS + "/" + rotation, "{\"endDate\": \"2025-06-30\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/rotation-dispatched"));
        Api.patch(ROTATIONS + "/" + rotation, "{\"mentorName\": \"李师傅\"}")
                .statusCode(200)
                .body("mentorName", equalTo("李师傅"));
    }

    @Test
    void listsRotationsByStartDate() {
        ClassWithMembers orderClass = orderClassWith(0);
        String autumn = TestData.rotation(orderClass.id(), "2025-09-01", "2025-11-30");
        String spring = TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");
        String winter = TestData.rotation(orderClass.id(), "2025-12-01", "2026-01-31");

        assertEquals(List.of(spring, autumn, winter), Api.all(rotationsOf(orderClass.id()) + "?limit=1", "id"));
        Api.get(rotationsOf(orderClass.id()) + "?sort=-startDate")
                .statusCode(200)
                .body("items.id", contains(winter, autumn, spring));
    }

    private static ClassWithMembers orderClassWith(int members) {
        String firm = TestData.firm();
        String major = TestData.major();
        String orderClass = TestData.orderClass(firm, major, Math.max(members, 1));
        List<String> students = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String student = TestData.student(major);
            TestData.member(orderClass, student);
            students.add(student);
        }
        return new ClassWithMembers(orderClass, firm, major, List.copyOf(students));
    }

    /**
     * Statements run by dispatching a class with this many members, of whom one is placed
     * elsewhere in the period, one suspended, and the rest free.
     */
    private static long statementsToDispatch(int members) {
        ClassWithMembers orderClass = orderClassWith(members);
        String busy = orderClass.members().get(0);
        TestData.placement(busy, TestData.firm(), "2025-05-01", "2025-06-30");
        String suspended = orderClass.members().get(1);
        Api.patch("/api/v1/students/" + suspended, "{\"status\": \"SUSPENDED\"}")
                .statusCode(200);
        String rotation = TestData.rotation(orderClass.id(), "2025-03-03", "2025-05-30");

        long before = StatementLog.count();
        dispatch(rotation)
                .body("created", hasSize(members - 2))
                .body("skipped.studentId", containsInAnyOrder(busy, suspended));
        return StatementLog.count() - before;
    }

    /**
     * Waits until this many transactions of the test database wait for a lock. {@code db} must not
     * be in a transaction: PostgreSQL shows a transaction the activity it saw at its first look.
     */
    private static void awaitLockWaits(Connection db, int waiting) throws Exception {
        await(waiting + " transactions wait for a lock")
                .atMost(Duration.ofSeconds(30))
                .until(() -> {
                    try (PreparedStatement count = db.prepareStatement("select count(*) from pg_stat_activity "
                                    + "where datname = current_database() and wait_event_type = 'Lock'");
                            ResultSet found = count.executeQuery()) {
                        found.next();
                        return found.getInt(1) >= waiting;
                    }
                });
    }

    private static String rotationsOf(String orderClassId) {
        return ORDER_CLASSES + "/" + orderClassId + "/rotations";
    }

    private static ValidatableResponse createRotation(String orderClassId, String startDate, String endDate) {
        return Api.post(rotationsOf(orderClassId), Map.of("startDate", startDate, "endDate", endDate));
    }

    private static ValidatableResponse dispatch(String rotationId) {
        return Api.json()
                .post(ROTATIONS + "/" + rotationId + "/dispatch")
                .then()
                .statusCode(200);
    }
}
