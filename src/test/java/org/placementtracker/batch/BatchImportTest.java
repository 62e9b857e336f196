package org.placementtracker.batch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class BatchImportTest {

    private static final String STUDENTS = "/api/v1/students/batch";
    private static final String PLACEMENTS = "/api/v1/placements/batch";

    @Test
    void atomicJsonImportSavesEveryRowInOrder() {
        String major = TestData.major();
        List<Map<String, Object>> rows = List.of(TestData.studentRequest(major), TestData.studentRequest(major));
        Api.post(STUDENTS, rows)
                .statusCode(200)
                .body("row", contains(0, 1))
                .body("status", contains("created", "created"))
                .body("problem", contains(nullValue(), nullValue()));
        assertEquals(2, students(major).size());
    }

    @Test
    void atomicJsonImportWithBadRowsNamesEveryRowAndSavesNothing() {
        String major = TestData.major();
        Map<String, Object> noName = TestData.studentRequest(major);
        noName.remove("name");
        Map<String, Object> wrongType = TestData.studentRequest(major);
        wrongType.put("cohortYear", "next year");
        Map<String, Object> unknownMajor = TestData.studentRequest(major);
        unknownMajor.put("majorCode", "NOPE99");
        Api.post(STUDENTS, List.of(TestData.studentRequest(major), noName, wrongType, unknownMajor))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/batch-rejected"))
                .body("errors.field", containsInAnyOrder("rows[1].name", "rows[2].cohortYear", "rows[3].majorCode"));
        assertEquals(List.of(), students(major));
    }

    @Test
    void nonAtomicJsonImportKeepsTheGoodRows() {
        String major = TestData.major();
        Map<String, Object> bad = TestData.studentRequest(major);
        bad.put("birthDate", "not a date");
        Map<String, Object> good = TestData.studentRequest(major);
        json().body(List.of(TestData.studentRequest(major), bad, good))
                .queryParam("atomic", "false")
                .post(STUDENTS)
                .then()
                .statusCode(207)
                .body("status", contains("created", "failed", "created"))
                .body("[1].problem.errors[0].field", equalTo("birthDate"))
                .body("[1].problem.status", equalTo(400));
        assertEquals(2, students(major).size());
    }

    @Test
    void csvWithByteOrderMarkKeepsChineseText() {
        String major = TestData.major();
        String csv = "studentNo,name,gender,birthDate,majorCode,cohortYear,className\n"
                + TestData.studentNo() + ",张伟," + "MALE,2008-05-14," + major + ",2024,24汽修1班\n"
                + TestData.studentNo() + ",\"王芳, 小\",FEMALE,2008-09-02," + major + ",2024,\n";
        csv(csv, true).post(STUDENTS).then().statusCode(200).body("status", contains("created", "created"));
        assertThat(Api.all("/api/v1/students?majorCode=" + major, "name"), containsInAnyOrder("张伟", "王芳, 小"));
        // The empty cell is an absent className, not an empty one.
        assertThat(Api.all("/api/v1/students?majorCode=" + major, "className"), containsInAnyOrder("24汽修1班", null));
    }

    @Test
    void csvRowsAreCheckedLikeJsonRows() {
        String major = TestData.major();
        String csv = "studentNo,name,gender,birthDate,majorCode,cohortYear\n"
                + TestData.studentNo() + ",李明,MALE,2008-05-14," + major + ",2024\n"
                + TestData.studentNo() + ",,MALE,2008-05-14," + major + ",二〇二四\n";
        csv(csv, false)
                .post(STUDENTS)
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("rows[1].cohortYear"));
        csv(csv, false)
                .queryParam("atomic", "false")
                .post(STUDENTS)
                .then()
                .statusCode(207)
                .body("status", contains("created", "failed"))
                .body("[1].problem.errors.field", contains("cohortYear"));
        assertEquals(1, students(major).size());
    }

    @Test
    void overlapBetweenRowsOfTheSameBatchIsCaught() {
        String major = TestData.major();
        String student = TestData.student(major);
        String firm = TestData.firm();
        List<Map<String, Object>> rows = List.of(
                TestData.placementRequest(student, firm, "2025-03-01", "2025-05-31"),
                TestData.placementRequest(student, firm, "2025-05-01", "2025-08-31"));
        Api.post(PLACEMENTS, rows).statusCode(422).body("errors.field", contains("rows[1]"));
        assertEquals(List.of(), Api.all("/api/v1/placements?studentId=" + student, "id"));
        json().body(rows)
                .queryParam("atomic", "false")
                .post(PLACEMENTS)
                .then()
                .statusCode(207)
                .body("status", contains("created", "failed"))
                .body("[1].problem.type", endsWith("/placement-overlap"));
        assertEquals(1, Api.all("/api/v1/placements?studentId=" + student, "id").size());
    }

    @Test
    void everyRuleOfTheSingleCreateHoldsForEachPlacementRow() {
        String major = TestData.major();
        String firm = TestData.firm();
        String otherFirm = TestData.firm();
        String inactiveFirm = TestData.firm();
        Api.patch("/api/v1/firms/" + inactiveFirm, "{\"status\": \"INACTIVE\"}").statusCode(200);
        String suspended = TestData.student(major);
        Api.patch("/api/v1/students/" + suspended, "{\"status\": \"SUSPENDED\"}")
                .statusCode(200);
        String placed = TestData.student(major);
        TestData.placement(placed, firm, "2025-03-01", "2025-05-31");
        String cancelledBefore = TestData.student(major);
        TestData.placementStatus(TestData.placement(cancelledBefore, firm, "2025-03-01", "2025-05-31"), "CANCELLED");
        String free = TestData.student(major);
        String otherFirmsClass = TestData.orderClass(otherFirm, major, 10);
        Map<String, Object> wrongClass = TestData.placementRequest(free, firm, "2025-03-01", "2025-03-31");
        wrongClass.put("orderClassId", otherFirmsClass);
        List<Map<String, Object>> rows = List.of(
                TestData.placementRequest("00000000-0000-0000-0000-000000000001", firm, "2025-03-01", "2025-03-31"),
                TestData.placementRequest(free, "00000000-0000-0000-0000-000000000002", "2025-03-01", "2025-03-31"),
                wrongClass,
                TestData.placementRequest(suspended, firm, "2025-03-01", "2025-03-31"),
                TestData.placementRequest(free, inactiveFirm, "2025-03-01", "2025-03-31"),
                TestData.placementRequest(placed, firm, "2025-05-31", "2025-06-30"),
                TestData.placementRequest(cancelledBefore, firm, "2025-04-01", "2025-04-30"),
                TestData.placementRequest(free, firm, "2025-03-01", "2025-03-31"),
                TestData.placementRequest(free, otherFirm, "2025-03-31", "2025-04-15"),
                TestData.placementRequest(free, otherFirm, "2025-04-01", "2025-04-15"));
        json().body(rows)
                .queryParam("atomic", "false")
                .post(PLACEMENTS)
                .then()
                .statusCode(207)
                .body(
                        "status",
                        contains(
                                "failed", "failed", "failed", "failed", "failed", "failed", "created", "created",
                                "failed", "created"))
                .body("[0].problem.errors.field", contains("studentId"))
                .body("[1].problem.errors.field", contains("firmId"))
                .body("[2].problem.errors.field", contains("orderClassId"))
                .body("[3].problem.type", endsWith("/student-not-enrolled"))
                .body("[4].problem.type", endsWith("/firm-inactive"))
                .body("[5].problem.type", endsWith("/placement-overlap"))
                .body("[8].problem.type", endsWith("/placement-overlap"))
                .body("[8].problem.detail", endsWith("from 2025-03-01 to 2025-03-31"));
        assertEquals(List.of("2025-03-01", "2025-04-01"), Api.all("/api/v1/placements?studentId=" + free, "startDate"));
        assertEquals(1, Api.all("/api/v1/placements?studentId=" + placed, "id").size());
        Api.post(PLACEMENTS, rows)
                .statusCode(422)
                .body(
                        "errors.field",
                        hasItems(
                                "rows[0].studentId",
                                "rows[1].firmId",
                                "rows[2].orderClassId",
                                "rows[3]",
                                "rows[4]",
                                "rows[5]"));
    }

    @Test
    void aResentRowMayNotMoveItsPlacementToAnotherStudentNorOntoAnotherPlacement() {
        String major = TestData.major();
        String firm = TestData.firm();
        String student = TestData.student(major);
        Map<String, Object> first = TestData.placementRequest(student, firm, "2025-03-01", "2025-03-31");
        first.put("externalRef", "HR-" + TestData.next());
        Map<String, Object> second = TestData.placementRequest(student, firm, "2025-05-01", "2025-05-31");
        second.put("externalRef", "HR-" + TestData.next());
        Api.post(PLACEMENTS, List.of(first, second)).statusCode(200).body("status", contains("created", "created"));

        Map<String, Object> otherStudent = new HashMap<>(first);
        otherStudent.put("studentId", TestData.student(major));
        Map<String, Object> ontoSecond = new HashMap<>(first);
        ontoSecond.put("endDate", "2025-05-15");
        Map<String, Object> shorter = new HashMap<>(first);
        shorter.put("endDate", "2025-03-15");
        json().body(List.of(otherStudent, ontoSecond, shorter))
                .queryParam("atomic", "false")
                .post(PLACEMENTS)
                .then()
                .statusCode(207)
                .body("status", contains("failed", "failed", "updated"))
                .body("[0].problem.errors.field", contains("studentId"))
                .body("[1].problem.type", endsWith("/placement-overlap"));
        assertEquals(
                List.of("2025-03-15", "2025-05-31"), Api.all("/api/v1/placements?studentId=" + student, "endDate"));
    }

    @Test
    void aRetriedImportWithTheSameIdempotencyKeyIsAnsweredFromTheFirst() {
        String major = TestData.major();
        List<Map<String, Object>> rows = List.of(TestData.studentRequest(major), TestData.studentRequest(major));
        String key = "import-" + TestData.next();
        List<String> ids = json().header("Idempotency-Key", key)
                .body(rows)
                .post(STUDENTS)
                .then()
                .statusCode(200)
                .header("Idempotency-Replayed", nullValue())
                .extract()
                .path("id");
        json().header("Idempotency-Key", key)
                .body(rows)
                .post(STUDENTS)
                .then()
                .statusCode(200)
                .header("Idempotency-Replayed", equalTo("true"))
                .body("id", equalTo(ids))
                .body("status", contains("created", "created"));
        assertEquals(2, students(major).size());
        json().header("Idempotency-Key", key)
                .body(rows.subList(0, 1))
                .post(STUDENTS)
                .then()
                .statusCode(422)
                .body("type", endsWith("/idempotency-key-reused"));

        // A non-atomic answer is replayed as it was, failed rows and all, and saves nothing more.
        String firm = TestData.firm();
        String student = ids.get(0);
        List<Map<String, Object>> overlapping = List.of(
                TestData.placementRequest(student, firm, "2025-03-01", "2025-05-31"),
                TestData.placementRequest(student, firm, "2025-05-01", "2025-08-31"));
        String placementKey = "import-" + TestData.next();
        json().header("Idempotency-Key", placementKey)
                .body(overlapping)
                .queryParam("atomic", "false")
                .post(PLACEMENTS)
                .then()
                .statusCode(207)
                .body("status", contains("created", "failed"));
        json().header("Idempotency-Key", placementKey)
                .body(overlapping)
                .queryParam("atomic", "false")
                .post(PLACEMENTS)
                .then()
                .statusCode(207)
                .header("Idempotency-Replayed", equalTo("true"))
                .body("status", contains("created", "failed"))
                .body("[1].problem.type", endsWith("/placement-overlap"));
        assertEquals(1, Api.all("/api/v1/placements?studentId=" + student, "id").size());
    }

    @Test
    void resendingRowsWithExternalRefsUpdatesInsteadOfDuplicating() {
        String major = TestData.major();
        Map<String, Object> first = TestData.studentRequest(major);
        first.put("externalRef", "SIS-" + TestData.next());
        Map<String, Object> second = TestData.studentRequest(major);
        second.put("externalRef", "SIS-" + TestData.next());
        List<String> ids = Api.post(STUDENTS, List.of(first, second))
                .statusCode(200)
                .extract()
                .path("id");
        first.put("name", "改名" + TestData.next());
        Api.post(STUDENTS, List.of(first, second))
                .statusCode(200)
                .body("status", contains("updated", "updated"))
                .body("id", equalTo(ids));
        assertEquals(2, students(major).size());
        Api.get("/api/v1/students/" + ids.get(0))
                .statusCode(200)
                .body("name", equalTo(first.get("name")))
                .body("externalRef", equalTo(first.get("externalRef")));

        String firm = TestData.firm();
        Map<String, Object> placement = TestData.placementRequest(ids.get(0), firm, "2025-03-01", "2025-05-31");
        placement.put("externalRef", "HR-" + TestData.next());
        String placementId = Api.post(PLACEMENTS, List.of(placement))
                .statusCode(200)
                .extract()
                .path("[0].id");
        placement.put("endDate", "2025-06-30");
        Api.post(PLACEMENTS, List.of(placement))
                .statusCode(200)
                .body("status", contains("updated"))
                .body("[0].id", equalTo(placementId));
        Api.get("/api/v1/placements/" + placementId).statusCode(200).body("endDate", equalTo("2025-06-30"));
        assertEquals(
                1, Api.all("/api/v1/placements?studentId=" + ids.get(0), "id").size());
    }

    @Test
    void moreThanTenThousandRowsAreRefusedWhateverTheFormat() {
        String major = TestData.major();
        StringBuilder csv = new StringBuilder("studentNo,name,gender,birthDate,majorCode,cohortYear\n");
        List<Map<String, Object>> json = new ArrayList<>();
        for (int i = 0; i <= BatchImport.MAX_ROWS; i++) {
            csv.append("X")
                    .append(i)
                    .append(",学生,MALE,2008-05-14,")
                    .append(major)
                    .append(",2024\n");
            json.add(Map.of("studentNo", "X" + i, "name", "学生" + i, "majorCode", major));
        }
        csv(csv.toString(), false).post(STUDENTS).then().statusCode(413).body("type", endsWith("/too-many-rows"));
        // Over the 1 MiB limit of single requests: batch paths take larger bodies.
        Api.post(STUDENTS, json).statusCode(413).body("type", endsWith("/too-many-rows"));
        assertEquals(List.of(), students(major));
    }

    @Test
    void atomicMustBeTrueOrFalse() {
        json().body(List.of())
                .queryParam("atomic", "maybe")
                .post(STUDENTS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("atomic"));
    }

    private static List<String> students(String major) {
        return Api.all("/api/v1/students?majorCode=" + major, "id");
    }

    private static RequestSpecification json() {
        return Api.json();
    }

    private static RequestSpecification csv(String text, boolean byteOrderMark) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (byteOrderMark) {
            body.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return given().contentType("text/csv; charset=UTF-8")
                .accept("application/json")
                .body(body.toByteArray());
    }
}
