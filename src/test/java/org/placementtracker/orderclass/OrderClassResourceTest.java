package org.placementtracker.orderclass;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.StatementLog;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class OrderClassResourceTest {

    private static final String ORDER_CLASSES = "/api/v1/order-classes";

    @Test
    void createsAnOpenOrderClassWithoutMembers() {
        String firm = TestData.firm();
        String major = TestData.major();
        Map<String, Object> request = TestData.orderClassRequest(firm, major, 45);

        ExtractableResponse<Response> created = Api.post(ORDER_CLASSES, request)
                .statusCode(201)
                .body("name", equalTo(request.get("name")))
                .body("firmId", equalTo(firm))
                .body("majorCode", equalTo(major))
                .body("quota", equalTo(45))
                .body("programme", equalTo("DUAL_SYSTEM"))
                .body("status", equalTo("OPEN"))
                .body("memberCount", equalTo(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith(ORDER_CLASSES + "/" + id));
        Api.get(ORDER_CLASSES + "/" + id).statusCode(200).body("memberCount", equalTo(0));
        Api.get(ORDER_CLASSES + "/" + id + "/members").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void rejectsAnOrderClassForAnUnknownFirmOrMajor() {
        Api.post(
                        ORDER_CLASSES,
                        TestData.orderClassRequest("7b1e2c9a-4f3d-4a8e-9c2b-1d5e6f7a8b9c", TestData.majorCode(), 10))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("firmId", "majorCode"));
        Api.post(ORDER_CLASSES, TestData.orderClassRequest(TestData.firm(), TestData.major(), 0))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("quota"));
    }

    @Test
    void addsMembers() {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 5);
        String first = TestData.student(major, Map.of("name", "王芳"));
        String second = TestData.student(major);

        ExtractableResponse<Response> added = enrol(orderClass, first)
                .statusCode(201)
                .body("studentId", equalTo(first))
                .body("name", equalTo("王芳"))
                .body("majorCode", equalTo(major))
                .extract();
        assertThat(added.header("Location"), endsWith(ORDER_CLASSES + "/" + orderClass + "/members/" + first));
        Api.get(ORDER_CLASSES + "/" + orderClass + "/members/" + first)
                .statusCode(200)
                .body("name", equalTo("王芳"));
        Api.get(ORDER_CLASSES + "/" + orderClass + "/members/" + second)
                .statusCode(404)
                .contentType("application/problem+json");
        enrol(orderClass, second).statusCode(201);

        Api.get(ORDER_CLASSES + "/" + orderClass).statusCode(200).body("memberCount", equalTo(2));
        Api.get(ORDER_CLASSES + "/" + orderClass + "/members")
                .statusCode(200)
                .body("items.studentId", containsInAnyOrder(first, second));
    }

    @Test
    void rejectsAStudentWhoIsAlreadyAMember() {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 5);
        String student = TestData.student(major);
        TestData.member(orderClass, student);
        enrol(orderClass, student)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/already-member"));
        Api.get(ORDER_CLASSES + "/" + orderClass).statusCode(200).body("memberCount", equalTo(1));
    }

    @Test
    void rejectsEnrolmentOfAStudentWhoIsNotEnrolled() {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 5);
        String graduate = TestData.student(major, Map.of("status", "GRADUATED"));
        enrol(orderClass, graduate)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/student-not-enrolled"));
    }

    @Test
    void rejectsEnrolmentWhenQuotaIsFull() {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 2);
        TestData.member(orderClass, TestData.student(major));
        TestData.member(orderClass, TestData.student(major));

        enrol(orderClass, TestData.student(major))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/order-class-full"));
        Api.get(ORDER_CLASSES + "/" + orderClass).statusCode(200).body("memberCount", equalTo(2));
    }

    @Test
    void holdsTheQuotaUnderConcurrentEnrolments() throws Exception {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 5);
        List<String> students =
                IntStream.range(0, 20).mapToObj(i -> TestData.student(major)).toList();

        List<Response> answers = enrolAllAtOnce(orderClass, students);

        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertEquals(5, statuses.stream().filter(s -> s == 201).count(), "201s in " + statuses);
        assertEquals(15, statuses.stream().filter(s -> s == 409).count(), "409s in " + statuses);
        answers.stream()
                .filter(a -> a.statusCode() == 409)
                .forEach(a ->
                        a.then().contentType("application/problem+json").body("type", endsWith("/order-class-full")));
        List<String> admitted = answers.stream()
                .filter(a -> a.statusCode() == 201)
                .map(a -> a.<String>path("studentId"))
                .toList();
        Api.get(ORDER_CLASSES + "/" + orderClass).statusCode(200).body("memberCount", equalTo(5));
        Api.get(ORDER_CLASSES + "/" + orderClass + "/members")
                .statusCode(200)
                .body("items", hasSize(5))
                .body("items.studentId", containsInAnyOrder(admitted.toArray()));
    }

    @Test
    void rejectsAStudentInAnotherOpenOrderClassUntilThatClassIsClosed() {
        String major = TestData.major();
        String firm = TestData.firm();
        String first = TestData.orderClass(firm, major, 5);
        String second = TestData.orderClass(firm, major, 5);
        String student = TestData.student(major);
        TestData.member(first, student);

        enrol(second, student)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/already-in-open-order-class"));

        Api.patch(ORDER_CLASSES + "/" + first, "{\"status\": \"CLOSED\"}")
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("memberCount", equalTo(1));
        enrol(second, student).statusCode(201);
        Api.get(ORDER_CLASSES + "/" + second).statusCode(200).body("memberCount", equalTo(1));
    }

    @Test
    void refusesToReopenAClassWhoseMemberJoinedAnotherOpenClass() {
        String major = TestData.major();
        String firm = TestData.firm();
        String first = TestData.orderClass(firm, major, 5);
        String second = TestData.orderClass(firm, major, 5);
        String student = TestData.student(major);
        TestData.member(first, student);
        Api.patch(ORDER_CLASSES + "/" + first, "{\"status\": \"CLOSED\"}").statusCode(200);
        TestData.member(second, student);

        Api.patch(ORDER_CLASSES + "/" + first, "{\"status\": \"OPEN\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/already-in-open-order-class"));
        Api.get(ORDER_CLASSES + "/" + first).statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void rejectsEnrolmentInAClosedClass() {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 5);
        Api.patch(ORDER_CLASSES + "/" + orderClass, "{\"status\": \"CLOSED\"}").statusCode(200);

        enrol(orderClass, TestData.student(major))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/order-class-closed"));
        Api.get(ORDER_CLASSES + "/" + orderClass).statusCode(200).body("memberCount", equalTo(0));
    }

    @Test
    void refusesAQuotaBelowTheCurrentMembers() {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 5);
        TestData.member(orderClass, TestData.student(major));
        TestData.member(orderClass, TestData.student(major));
        TestData.member(orderClass, TestData.student(major));

        Api.patch(ORDER_CLASSES + "/" + orderClass, "{\"quota\": 2}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/quota-below-members"));
        Api.patch(ORDER_CLASSES + "/" + orderClass, "{\"quota\": 3}")
                .statusCode(200)
                .body("quota", equalTo(3))
                .body("memberCount", equalTo(3));
        enrol(orderClass, TestData.student(major)).statusCode(409).body("type", endsWith("/order-class-full"));
    }

    @Test
    void memberCountIsReadOnly() {
        String orderClass = TestData.orderClass(TestData.firm(), TestData.major(), 5);
        Api.patch(ORDER_CLASSES + "/" + orderClass, "{\"memberCount\": 4}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/unknown-field"));
        Api.get(ORDER_CLASSES + "/" + orderClass).statusCode(200).body("memberCount", equalTo(0));
    }

    @Test
    void removesAMemberAndFreesItsPlace() {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 2);
        String leaving = TestData.student(major);
        String staying = TestData.student(major);
        TestData.member(orderClass, leaving);
        TestData.member(orderClass, staying);

        Api.delete(ORDER_CLASSES + "/" + orderClass + "/members/" + leaving).statusCode(204);

        Api.get(ORDER_CLASSES + "/" + orderClass).statusCode(200).body("memberCount", equalTo(1));
        Api.get(ORDER_CLASSES + "/" + orderClass + "/members")
                .statusCode(200)
                .body("items.studentId", contains(staying));
        Api.delete(ORDER_CLASSES + "/" + orderClass + "/members/" + leaving)
                .statusCode(404)
                .contentType("application/problem+json");
        enrol(orderClass, TestData.student(major)).statusCode(201);
        Api.get(ORDER_CLASSES + "/" + orderClass).statusCode(200).body("memberCount", equalTo(2));
    }

    @Test
    void walksTheMemberListWithCursors() {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 10);
        List<String> students =
                IntStream.range(0, 7).mapToObj(i -> TestData.student(major)).toList();
        students.forEach(s -> TestData.member(orderClass, s));

        List<List<String>> pages = Api.walk(ORDER_CLASSES + "/" + orderClass + "/members?limit=3", "studentId");

        assertEquals(List.of(3, 3, 1), pages.stream().map(List::size).toList());
        List<String> walked = pages.stream().flatMap(List::stream).toList();
        assertThat(walked, containsInAnyOrder(students.toArray()));
        List<String> studentNos = Api.all(ORDER_CLASSES + "/" + orderClass + "/members?limit=3", "studentNo");
        assertEquals(studentNos.stream().sorted().toList(), studentNos, "members are listed by student number");
        assertEquals(Api.all(ORDER_CLASSES + "/" + orderClass + "/members?limit=200", "studentId"), walked);
    }

    @Test
    void listsAPageOfMembersInTheSameNumberOfStatementsWhateverItsSize() {
        long ten = statementsToListMembers(10);
        long sixty = statementsToListMembers(60);
        assertEquals(ten, sixty, "statements for a page of 10 members (" + ten + ") and of 60 (" + sixty + ")");
    }

    @Test
    void recordsMemberCountChangesInTheClassHistory() {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 5);
        String student = TestData.student(major);
        TestData.member(orderClass, student);
        Api.delete(ORDER_CLASSES + "/" + orderClass + "/members/" + student).statusCode(204);

        Api.get("/api/v1/audit?entityType=order-class&entityId=" + orderClass)
                .statusCode(200)
                .body("items.operation", contains("UPDATE", "UPDATE", "CREATE"))
                .body("items[0].changes.field", contains("memberCount"))
                .body("items[0].changes[0].before", equalTo(1))
                .body("items[0].changes[0].after", equalTo(0))
                .body("items[1].changes.field", contains("memberCount"))
                .body("items[1].changes[0].before", equalTo(0))
                .body("items[1].changes[0].after", equalTo(1))
                .body("items[1].actor", equalTo("bootstrap-admin"));
        Api.get(ORDER_CLASSES + "/" + orderClass).statusCode(200).body("memberCount", equalTo(0));
    }

    @Test
    void recordsTheMembersFollowingTheClassStatusInTheirHistory() {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 5);
        String student = TestData.student(major);
        TestData.member(orderClass, student);

        Api.patch(ORDER_CLASSES + "/" + orderClass, "{\"status\": \"CLOSED\"}").statusCode(200);

        Api.get("/api/v1/audit?entityType=order-class-member&entityId=" + orderClass + "/" + student)
                .statusCode(200)
                .body("items.operation", contains("UPDATE", "CREATE"))
                .body("items[0].changes.field", contains("classOpen"))
                .body("items[0].changes[0].before", equalTo(true))
                .body("items[0].changes[0].after", equalTo(false));
        Api.get("/api/v1/audit?entityType=order-class-member&entityId=" + orderClass)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("entityId"));
    }

    @Test
    void filtersOrderClasses() {
        String firm = TestData.firm();
        String major = TestData.major();
        String open = TestData.orderClass(firm, major, 5);
        String closed = TestData.orderClass(firm, major, 5);
        Api.patch(ORDER_CLASSES + "/" + closed, "{\"status\": \"CLOSED\"}").statusCode(200);

        Api.get(ORDER_CLASSES + "?firmId=" + firm).statusCode(200).body("items.id", containsInAnyOrder(open, closed));
        Api.get(ORDER_CLASSES + "?firmId=" + firm + "&status=OPEN")
                .statusCode(200)
                .body("items.id", contains(open));
        Api.get(ORDER_CLASSES + "?majorCode=" + major + "&status=CLOSED")
                .statusCode(200)
                .body("items.id", contains(closed));
        Api.get(ORDER_CLASSES + "?firmId=" + firm + "&programme=ORDER_CLASS")
                .statusCode(200)
                .body("items.id", not(hasItem(open)));
    }

    /** Statements run by listing the first page (limit 200) of a class with this many members. */
    private static long statementsToListMembers(int members) {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, members);
        for (int i = 0; i < members; i++) {
            TestData.member(orderClass, TestData.student(major));
        }
        long before = StatementLog.count();
        Api.get(ORDER_CLASSES + "/" + orderClass + "/members?limit=200")
                .statusCode(200)
                .body("items", hasSize(members))
                .body("items.name", everyItem(startsWith("学生")));
        return StatementLog.count() - before;
    }

    private static ValidatableResponse enrol(String orderClassId, String studentId) {
        return Api.post(ORDER_CLASSES + "/" + orderClassId + "/members", Map.of("studentId", studentId));
    }

    /** Fires one enrolment per student from its own thread, all released at the same moment. */
    private static List<Response> enrolAllAtOnce(String orderClassId, List<String> studentIds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(studentIds.size());
        try {
            CountDownLatch ready = new CountDownLatch(studentIds.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (String studentId : studentIds) {
                answers.add(pool.submit(() -> {
                    var request = given().contentType(ContentType.JSON)
                            .accept(ContentType.JSON)
                            .body(Map.of("studentId", studentId));
                    ready.countDown();
                    go.await();
                    return request.post(ORDER_CLASSES + "/" + orderClassId + "/members");
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
