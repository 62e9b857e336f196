package org.placementtracker.placement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class PlacementResourceTest {

    private static final String PLACEMENTS = "/api/v1/placements";
    private static final List<String> STATUSES = List.of("PLANNED", "ACTIVE", "COMPLETED", "TERMINATED", "CANCELLED");
    private static final Set<String> ALLOWED_CHANGES = Set.of(
            "PLANNED>ACTIVE", "PLANNED>TERMINATED", "PLANNED>CANCELLED", "ACTIVE>COMPLETED", "ACTIVE>TERMINATED");

    // ---- create -------------------------------------------------------------------------

    @Test
    void createsAPlannedPlacement() {
        String student = TestData.student(TestData.major());
        String firm = TestData.firm();

        ExtractableResponse<Response> created = Api.post(
                        PLACEMENTS, TestData.placementRequest(student, firm, "2025-03-01", "2025-08-31"))
                .statusCode(201)
                .body("studentId", equalTo(student))
                .body("firmId", equalTo(firm))
                .body("type", equalTo("POST_INTERNSHIP"))
                .body("position", equalTo("总装车间装配工"))
                .body("startDate", equalTo("2025-03-01"))
                .body("endDate", equalTo("2025-08-31"))
                .body("status", equalTo("PLANNED"))
                .body("statusReason", nullValue())
                .body("rotationId", nullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith(PLACEMENTS + "/" + id));
        Api.get(PLACEMENTS + "/" + id).statusCode(200).body("status", equalTo("PLANNED"));
    }

    @Test
    void rejectsAPlacementEndingBeforeItStarts() {
        String student = TestData.student(TestData.major());
        Api.post(PLACEMENTS, TestData.placementRequest(student, TestData.firm(), "2025-03-01", "2025-02-28"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("endDate"));
    }

    @Test
    void rejectsUnknownStudentAndFirm() {
        Api.post(
                        PLACEMENTS,
                        TestData.placementRequest(
                                "3f6c1a52-8d7e-4f0b-9a51-2b8e6f0c9d11",
                                "7b1e2c9a-4f3d-4a8e-9c2b-1d5e6f7a8b9c",
                                "2025-03-01",
                                "2025-03-31"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("studentId", "firmId"));
    }

    @Test
    void rejectsAnOrderClassRunForAnotherFirm() {
        String major = TestData.major();
        String student = TestData.student(major);
        String orderClass = TestData.orderClass(TestData.firm(), major, 5);
        Map<String, Object> request = TestData.placementRequest(student, TestData.firm(), "2025-03-01", "2025-03-31");
        request.put("orderClassId", orderClass);
        Api.post(PLACEMENTS, request)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("orderClassId"));
    }

    // ---- overlap ------------------------------------------------------------------------

    @Test
    void rejectsAPlacementOverlappingAnotherOfTheSameStudent() {
        String student = TestData.student(TestData.major());
        TestData.placement(student, TestData.firm(), "2025-03-01", "2025-05-31");

        create(student, TestData.firm(), "2025-05-31", "2025-06-30")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/placement-overlap"));
        create(student, TestData.firm(), "2025-04-01", "2025-04-15")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/placement-overlap"));
        create(student, TestData.firm(), "2025-06-01", "2025-06-30").statusCode(201);
    }

    @Test
    void rejectsAnOverlapAcrossNewYear() {
        String student = TestData.student(TestData.major());
        TestData.placement(student, TestData.firm(), "2024-12-20", "2025-01-10");

        create(student, TestData.firm(), "2025-01-05", "2025-02-01")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/placement-overlap"));
        create(student, TestData.firm(), "2024-12-01", "2024-12-20")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/placement-overlap"));
        create(student, TestData.firm(), "2025-01-11", "2025-02-01").statusCode(201);
    }

    @Test
    void allowsOverlappingPlacementsOfDifferentStudents() {
        String major = TestData.major();
        String firm = TestData.firm();
        TestData.placement(TestData.student(major), firm, "2025-03-01", "2025-05-31");
        create(TestData.student(major), firm, "2025-03-01", "2025-05-31").statusCode(201);
    }

    @Test
    void aCancelledPlacementDoesNotBlockItsPeriod() {
        String student = TestData.student(TestData.major());
        String cancelled = TestData.placement(student, TestData.firm(), "2025-03-01", "2025-05-31");
        TestData.placementStatus(cancelled, "CANCELLED");

        create(student, TestData.firm(), "2025-03-01", "2025-05-31").statusCode(201);
    }

    // ---- firm and student preconditions ------------------------------------------------

    @Test
    void refusesAPlacementAtAnInactiveFirm() {
        String student = TestData.student(TestData.major());
        String firm = TestData.firm();
        Api.patch("/api/v1/firms/" + firm, "{\"status\": \"INACTIVE\"}").statusCode(200);

        create(student, firm, "2025-03-01", "2025-05-31")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/firm-inactive"));
        Api.get(PLACEMENTS + "?studentId=" + student).statusCode(200).body("items", empty());
    }

    @Test
    void refusesAPlacementOfAStudentWhoIsNotEnrolled() {
        String student = TestData.student(TestData.major());
        Api.patch("/api/v1/students/" + student, "{\"status\": \"SUSPENDED\"}").statusCode(200);

        create(student, TestData.firm(), "2025-03-01", "2025-05-31")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/student-not-enrolled"));
    }

    // ---- status changes -----------------------------------------------------------------

    static Stream<Arguments> allowedStatusChanges() {
        return statusChanges(true);
    }

    static Stream<Arguments> disallowedStatusChanges() {
        return statusChanges(false);
    }

    private static Stream<Arguments> statusChanges(boolean allowed) {
        return STATUSES.stream()
                .flatMap(from -> STATUSES.stream().map(to -> Arguments.of(from, to)))
                .filter(a -> ALLOWED_CHANGES.contains(a.get()[0] + ">" + a.get()[1]) == allowed);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowedStatusChanges")
    void allowsTheStatusChange(String from, String to) {
        String placement = placementIn(from);
        changeStatus(placement, to, "学生因病返校")
                .statusCode(200)
                .body("status", equalTo(to))
                .body("statusReason", equalTo("学生因病返校"));
        Api.get(PLACEMENTS + "/" + placement).statusCode(200).body("status", equalTo(to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("disallowedStatusChanges")
    void refusesTheStatusChange(String from, String to) {
        String placement = placementIn(from);
        changeStatus(placement, to, "学生因病返校")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/illegal-status-change"));
        Api.get(PLACEMENTS + "/" + placement).statusCode(200).body("status", equalTo(from));
    }

    @Test
    void requiresAReasonToTerminate() {
        String placement = placementIn("ACTIVE");
        Api.post(PLACEMENTS + "/" + placement + "/status", Map.of("status", "TERMINATED"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", contains("reason"));
        changeStatus(placement, "TERMINATED", "   ")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("reason"));
        Api.get(PLACEMENTS + "/" + placement).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void statusChangesOnlyThroughItsOwnOperation() {
        String placement = placementIn("PLANNED");
        Api.patch(PLACEMENTS + "/" + placement, "{\"status\": \"ACTIVE\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/unknown-field"));
        Api.get(PLACEMENTS + "/" + placement).statusCode(200).body("status", equalTo("PLANNED"));
    }

    // ---- list filters -------------------------------------------------------------------

    @Test
    void filtersByStudentFirmOrderClassTypeStatusAndYear() {
        String major = TestData.major();
        String firm = TestData.firm();
        String first = TestData.student(major);
        String second = TestData.student(major);
        String orderClass = TestData.orderClass(firm, major, 5);

        String cognitive = placement(first, firm, "COGNITIVE", null, "2024-03-01", "2024-03-05");
        String overNewYear = placement(first, firm, "POST_INTERNSHIP", null, "2024-12-20", "2025-01-10");
        String workStudy = placement(second, firm, "WORK_STUDY", orderClass, "2025-03-01", "2025-05-31");
        String cancelled = placement(second, firm, "FOLLOW_POST", null, "2025-07-01", "2025-07-31");
        TestData.placementStatus(workStudy, "ACTIVE");
        TestData.placementStatus(cancelled, "CANCELLED");
        String ofFirm = PLACEMENTS + "?firmId=" + firm;

        Api.get(ofFirm).statusCode(200).body("items.id", contains(cognitive, overNewYear, workStudy, cancelled));
        Api.get(PLACEMENTS + "?studentId=" + first).statusCode(200).body("items.id", contains(cognitive, overNewYear));
        Api.get(PLACEMENTS + "?orderClassId=" + orderClass).statusCode(200).body("items.id", contains(workStudy));
        Api.get(ofFirm + "&type=COGNITIVE").statusCode(200).body("items.id", contains(cognitive));
        Api.get(ofFirm + "&status=ACTIVE").statusCode(200).body("items.id", contains(workStudy));
        Api.get(ofFirm + "&status=CANCELLED").statusCode(200).body("items.id", contains(cancelled));
        Api.get(ofFirm + "&year=2024").statusCode(200).body("items.id", contains(cognitive, overNewYear));
        // year lists the placements that count in that year, as the reports count them: not cancelled.
        Api.get(ofFirm + "&year=2025").statusCode(200).body("items.id", contains(workStudy));
        Api.get(ofFirm + "&year=2025&status=CANCELLED").statusCode(200).body("items.id", contains(cancelled));
        Api.get(ofFirm + "&year=2024&yearBasis=academic")
                .statusCode(200)
                .body("items.id", contains(overNewYear, workStudy));
        Api.get(ofFirm + "&year=2023&yearBasis=academic").statusCode(200).body("items.id", contains(cognitive));
        Api.get(PLACEMENTS + "?majorCode=" + major + "&year=2024")
                .statusCode(200)
                .body("items.id", contains(cognitive, overNewYear));
        Api.get(PLACEMENTS + "?studentId=" + first + "&year=2025")
                .statusCode(200)
                .body("items", empty());
        Api.get(ofFirm + "&year=2025&status=PLANNED").statusCode(200).body("items", empty());
        Api.get(ofFirm + "&sort=-startDate")
                .statusCode(200)
                .body("items.id", contains(cancelled, workStudy, overNewYear, cognitive));
    }

    @Test
    void rejectsMalformedFilters() {
        expectInvalidParameter(Api.get(PLACEMENTS + "?year=abc"), "year");
        expectInvalidParameter(Api.get(PLACEMENTS + "?year=1800"), "year");
        expectInvalidParameter(Api.get(PLACEMENTS + "?firmId=not-a-uuid"), "firmId");
        expectInvalidParameter(Api.get(PLACEMENTS + "?status=DONE"), "status");
        expectInvalidParameter(Api.get(PLACEMENTS + "?sort=firm"), "sort");
    }

    // ---- patch --------------------------------------------------------------------------

    @Test
    void mergePatchChangesPositionAndDates() {
        String student = TestData.student(TestData.major());
        String placement = TestData.placement(student, TestData.firm(), "2025-03-01", "2025-05-31");
        Api.patch(PLACEMENTS + "/" + placement, "{\"endDate\": \"2025-09-30\", \"position\": \"质检员\"}")
                .statusCode(200)
                .body("endDate", equalTo("2025-09-30"))
                .body("position", equalTo("质检员"))
                .body("startDate", equalTo("2025-03-01"))
                .body("status", equalTo("PLANNED"));
        Api.patch(PLACEMENTS + "/" + placement, "{\"position\": null}")
                .statusCode(200)
                .body("position", nullValue());
    }

    @Test
    void refusesToChangeTheStudent() {
        String major = TestData.major();
        String placement = TestData.placement(TestData.student(major), TestData.firm(), "2025-03-01", "2025-05-31");
        String other = TestData.student(major);
        Api.patch(PLACEMENTS + "/" + placement, "{\"studentId\": \"" + other + "\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("studentId"));
    }

    @Test
    void refusesToMoveAPlacementIntoAnOverlap() {
        String student = TestData.student(TestData.major());
        String firm = TestData.firm();
        TestData.placement(student, firm, "2025-06-01", "2025-06-30");
        String moving = TestData.placement(student, firm, "2025-03-01", "2025-05-31");

        Api.patch(PLACEMENTS + "/" + moving, "{\"endDate\": \"2025-06-01\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/placement-overlap"));
        Api.get(PLACEMENTS + "/" + moving).statusCode(200).body("endDate", equalTo("2025-05-31"));
        Api.patch(PLACEMENTS + "/" + moving, "{\"startDate\": \"2025-02-01\"}").statusCode(200);
    }

    @Test
    void refusesToMoveAPlacementToAnInactiveFirm() {
        String student = TestData.student(TestData.major());
        String placement = TestData.placement(student, TestData.firm(), "2025-03-01", "2025-05-31");
        String inactive = TestData.firm();
        Api.patch("/api/v1/firms/" + inactive, "{\"status\": \"INACTIVE\"}").statusCode(200);

        Api.patch(PLACEMENTS + "/" + placement, "{\"firmId\": \"" + inactive + "\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/firm-inactive"));
    }

    // ---- paging -------------------------------------------------------------------------

    @Test
    void walkingTheCursorsVisitsEveryPlacementOnceInAStableOrder() {
        String major = TestData.major();
        String firm = TestData.firm();
        List<String> starts = List.of(
                "2025-03-01", "2025-02-01", "2025-03-01", "2025-05-01", "2025-04-01", "2025-03-01", "2025-04-01");
        List<String> created = new ArrayList<>();
        for (String start : starts) {
            created.add(TestData.placement(TestData.student(major), firm, start, start.substring(0, 8) + "28"));
        }
        String path = PLACEMENTS + "?firmId=" + firm + "&limit=2";

        List<List<String>> pages = Api.walk(path, "id");

        assertEquals(List.of(2, 2, 2, 1), pages.stream().map(List::size).toList());
        List<String> walked = pages.stream().flatMap(List::stream).toList();
        assertEquals(7, new HashSet<>(walked).size(), "no placement twice: " + walked);
        assertThat(walked, containsInAnyOrder(created.toArray()));
        assertEquals(Api.all(PLACEMENTS + "?firmId=" + firm + "&limit=200", "id"), walked);
        assertEquals(walked, Api.all(path, "id"), "a second walk gives the same order");
        List<String> startDates = Api.all(path, "startDate");
        assertEquals(startDates.stream().sorted().toList(), startDates);
    }

    @Test
    void rejectsATamperedCursor() {
        String major = TestData.major();
        String firm = TestData.firm();
        for (int i = 0; i < 3; i++) {
            TestData.placement(TestData.student(major), firm, "2025-03-01", "2025-03-31");
        }
        String cursor = Api.get(PLACEMENTS + "?firmId=" + firm + "&limit=1")
                .statusCode(200)
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        Api.json()
                .queryParam("firmId", firm)
                .queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .get(PLACEMENTS)
                .then()
                .statusCode(200);

        String payloadChanged = flip(cursor, 3);
        String signatureChanged = flip(cursor, cursor.indexOf('.') + 3);
        for (String tampered : List.of(payloadChanged, signatureChanged, "garbage", cursor + "x")) {
            expectInvalidParameter(
                    Api.json()
                            .queryParam("firmId", firm)
                            .queryParam("limit", 1)
                            .queryParam("cursor", tampered)
                            .get(PLACEMENTS)
                            .then(),
                    "cursor");
        }
        // a genuine cursor, but from another query
        expectInvalidParameter(
                Api.json()
                        .queryParam("firmId", TestData.firm())
                        .queryParam("limit", 1)
                        .queryParam("cursor", cursor)
                        .get(PLACEMENTS)
                        .then(),
                "cursor");
    }

    @Test
    void rejectsALimitOutsideOneTo200() {
        expectInvalidParameter(Api.get(PLACEMENTS + "?limit=201"), "limit");
        expectInvalidParameter(Api.get(PLACEMENTS + "?limit=0"), "limit");
        expectInvalidParameter(Api.get(PLACEMENTS + "?limit=abc"), "limit");
        Api.get(PLACEMENTS + "?limit=200&firmId=" + TestData.firm())
                .statusCode(200)
                .body("items", empty());
    }

    // ---- helpers ------------------------------------------------------------------------

    /** A new placement of its own student and firm, brought to the given status. */
    private static String placementIn(String status) {
        String placement =
                TestData.placement(TestData.student(TestData.major()), TestData.firm(), "2025-03-01", "2025-05-31");
        List<String> path = switch (status) {
            case "PLANNED" -> List.of();
            case "ACTIVE" -> List.of("ACTIVE");
            case "COMPLETED" -> List.of("ACTIVE", "COMPLETED");
            case "TERMINATED" -> List.of("TERMINATED");
            case "CANCELLED" -> List.of("CANCELLED");
            default -> throw new IllegalArgumentException(status);
        };
        path.forEach(step -> TestData.placementStatus(placement, step));
        return placement;
    }

    @Test
    void termsAreCheckedAndKeptAsTheyWillBeReadBack() {
        String major = TestData.major();
        String firm = TestData.firm();
        Map<String, Object> body = TestData.placementRequest(TestData.student(major), firm, "2031-03-01", "2031-03-31");
        body.put("insuranceFrom", "2031-03-01");
        body.put("insuranceTo", "2031-02-28");
        Api.post(PLACEMENTS, body)
                .statusCode(400)
                .body("errors.field", contains("insuranceTo"))
                .body("errors[0].message", equalTo("is before insuranceFrom"));
        body.put("insuranceTo", "2031-03-31");
        body.put("monthlyPay", 3600);
        String id = Api.post(PLACEMENTS, body)
                .statusCode(201)
                .body("monthlyPay", equalTo(3600.00f))
                .extract()
                .path("id");
        // As sent, a decimal far below a cent is refused, not stored as zero.
        given().contentType("application/merge-patch+json")
                .body("{\"monthlyPay\": 1e-400}")
                .patch(PLACEMENTS + "/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", contains("monthlyPay"));
        Api.get(PLACEMENTS + "/" + id).statusCode(200).body("monthlyPay", equalTo(3600.00f));
    }

    private static String placement(
            String student, String firm, String type, String orderClass, String start, String end) {
        Map<String, Object> request = TestData.placementRequest(student, firm, start, end);
        request.put("type", type);
        request.put("orderClassId", orderClass);
        return TestData.created(PLACEMENTS, request);
    }

    private static ValidatableResponse create(String student, String firm, String start, String end) {
        return Api.post(PLACEMENTS, TestData.placementRequest(student, firm, start, end));
    }

    private static ValidatableResponse changeStatus(String placement, String status, String reason) {
        return Api.post(PLACEMENTS + "/" + placement + "/status", Map.of("status", status, "reason", reason));
    }

    private static void expectInvalidParameter(ValidatableResponse response, String parameter) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-query-parameter"))
                .body("errors.field", contains(parameter));
    }

    /** The cursor with one base64url character replaced by another. */
    private static String flip(String cursor, int index) {
        char replacement = cursor.charAt(index) == 'A' ? 'B' : 'A';
        return cursor.substring(0, index) + replacement + cursor.substring(index + 1);
    }
}
