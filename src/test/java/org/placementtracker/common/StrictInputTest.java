package org.placementtracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.placementtracker.support.Api;
import org.placementtracker.support.RawHttp;
import org.placementtracker.support.TestCredentials;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * A body or URL means exactly one thing, and text is stored exactly as sent: whatever PostgreSQL
 * could not keep (NUL, control characters, lone surrogates) is a 400 naming the field, and nothing
 * is saved.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class StrictInputTest {

    private static final String PROBLEM = "application/problem+json";

    /** JSON text of a student whose name is {@code nameJson} (already JSON-escaped, with quotes). */
    private static String studentJson(String major, String studentNo, String nameJson) {
        return "{\"studentNo\": \"" + studentNo + "\", \"name\": " + nameJson + ", \"gender\": \"MALE\", "
                + "\"birthDate\": \"2008-05-14\", \"majorCode\": \"" + major + "\", \"cohortYear\": 2024}";
    }

    private static void noStudentNumbered(String studentNo) {
        Api.get("/api/v1/students?q=" + studentNo).statusCode(200).body("items.size()", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"a\\u0000b\"",
                "\"\\u0001\\u0002\"",
                "\"a\\u007fb\"",
                "\"a\\u0085b\"",
                "\"a\\ud800b\"",
                "\"\\udc00\"",
                "\"x\\uffff\""
            })
    void unstorableTextInABodyIs400NamingTheField(String nameJson) {
        String major = TestData.major();
        String studentNo = TestData.studentNo();
        given().contentType(ContentType.JSON)
                .body(studentJson(major, studentNo, nameJson))
                .post("/api/v1/students")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", hasItem("name"));
        noStudentNumbered(studentNo);
    }

    @Test
    void tabsAndNewlinesAreText() {
        String major = TestData.major();
        String id = TestData.created(
                "/api/v1/students",
                Map.of(
                        "studentNo",
                        TestData.studentNo(),
                        "name",
                        "李\t明",
                        "gender",
                        "MALE",
                        "birthDate",
                        "2008-05-14",
                        "majorCode",
                        major,
                        "cohortYear",
                        2024,
                        "className",
                        "一班\n二班"));
        Api.get("/api/v1/students/" + id)
                .statusCode(200)
                .body("name", equalTo("李\t明"))
                .body("className", equalTo("一班\n二班"));
    }

    @Test
    void nulInAMergePatchIs400AndChangesNothing() {
        String student = TestData.student(TestData.major());
        Api.patch("/api/v1/students/" + student, "{\"phone\": \"138\\u00000138000\"}")
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("phone"));
        Api.patch("/api/v1/students/" + student, "{\"className\": \"\\ud83d\"}")
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("className"));
        Api.get("/api/v1/students/" + student)
                .statusCode(200)
                .body("phone", equalTo("13800138000"))
                .body("className", equalTo("24汽修1班"))
                .body("version", equalTo(0));
    }

    @Test
    void nulInABatchRowNamesTheRow() {
        String major = TestData.major();
        String json = "[" + studentJson(major, TestData.studentNo(), "\"ok\"") + ", "
                + studentJson(major, TestData.studentNo(), "\"bad\\u0000\"") + "]";
        given().contentType(ContentType.JSON)
                .body(json)
                .post("/api/v1/students/batch")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("rows[1].name"));
        String studentNo = TestData.studentNo();
        String csv = "studentNo,name,gender,birthDate,majorCode,cohortYear\n" + studentNo + ",\u0000,MALE,2008-05-14,"
                + major + ",2024\n";
        given().contentType("text/csv")
                .body(csv)
                .post("/api/v1/students/batch")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("rows[0].name"));
        noStudentNumbered(studentNo);
    }

    @Test
    void nulInAStatusReasonOrAKeyNameIs400() {
        String placement =
                TestData.placement(TestData.student(TestData.major()), TestData.firm(), "2025-03-01", "2025-05-31");
        given().contentType(ContentType.JSON)
                .body("{\"status\": \"TERMINATED\", \"reason\": \"x\\u0000\"}")
                .post("/api/v1/placements/" + placement + "/status")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("reason"));
        Api.get("/api/v1/placements/" + placement).statusCode(200).body("status", equalTo("PLANNED"));
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"k\\u0000\", \"role\": \"VIEWER\"}")
                .post("/api/v1/api-keys")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("name"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/students?q=a%00b",
                "/api/v1/students?majorCode=%00",
                "/api/v1/firms?industry=%01",
                "/api/v1/placements?majorCode=x%00"
            })
    void unstorableTextInAQueryIs400NamingTheParameter(String target) {
        RawHttp.Answer answer = RawHttp.send("GET", target, null, "Authorization: Bearer " + adminKey());
        assertEquals(400, answer.status(), answer.body());
        assertEquals(PROBLEM, answer.header("Content-Type"));
        String parameter = target.substring(target.indexOf('?') + 1, target.indexOf('='));
        assertThat(answer.body(), containsString("\"field\":\"" + parameter + "\""));
    }

    @Test
    void unstorableTextInAPathIs400NamingTheParameter() {
        RawHttp.Answer answer =
                RawHttp.send("GET", "/api/v1/majors/a%00b", null, "Authorization: Bearer " + adminKey());
        assertEquals(400, answer.status(), answer.body());
        assertEquals(PROBLEM, answer.header("Content-Type"));
        assertThat(answer.body(), containsString("\"field\":\"code\""));
        RawHttp.Answer patch = RawHttp.send(
                "PATCH",
                "/api/v1/majors/%01",
                "{\"name\": \"x\"}",
                "Authorization: Bearer " + adminKey(),
                "Content-Type: application/merge-patch+json");
        assertEquals(400, patch.status(), patch.body());
    }

    @Test
    void trailingDataAfterTheDocumentIs400() {
        String major = TestData.major();
        String studentNo = TestData.studentNo();
        given().contentType(ContentType.JSON)
                .body(studentJson(major, studentNo, "\"李明\"") + " xyz")
                .post("/api/v1/students")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("/malformed-json"));
        given().contentType(ContentType.JSON)
                .body(studentJson(major, studentNo, "\"李明\"") + " {}")
                .post("/api/v1/students")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        noStudentNumbered(studentNo);
    }

    @Test
    void aDuplicateKeyIs400NamingIt() {
        String student = TestData.student(TestData.major());
        String firmA = TestData.firm();
        String firmB = TestData.firm();
        String body = "{\"studentId\": \"" + student + "\", \"firmId\": \"" + firmA + "\", \"firmId\": \"" + firmB
                + "\", \"type\": \"POST_INTERNSHIP\", \"startDate\": \"2025-03-01\", \"endDate\": \"2025-05-31\"}";
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("firmId"));
        given().contentType(ContentType.JSON)
                .body("[" + body + "]")
                .post("/api/v1/placements/batch")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("[0].firmId"));
        Api.get("/api/v1/placements?studentId=" + student).statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aDuplicateCsvColumnIs400() {
        String csv = "studentNo,name,name,gender,birthDate,majorCode,cohortYear\n" + TestData.studentNo()
                + ",a,b,MALE,2008-05-14," + TestData.major() + ",2024\n";
        given().contentType("text/csv")
                .body(csv)
                .post("/api/v1/students/batch")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("/malformed-csv"));
    }

    @Test
    void numbersAreNotTruncatedNorCoerced() {
        String major = TestData.major();
        String studentNo = TestData.studentNo();
        String base = "{\"studentNo\": \"" + studentNo + "\", \"name\": \"李明\", \"gender\": \"MALE\", "
                + "\"birthDate\": \"2008-05-14\", \"majorCode\": \"" + major + "\", ";
        for (Map.Entry<String, String> bad : Map.of(
                        "cohortYear", "\"cohortYear\": 2024.5}",
                        "cohortYear ", "\"cohortYear\": \"2024\"}",
                        "cohortYear  ", "\"cohortYear\": 1e300}",
                        "cohortYear   ", "\"cohortYear\": 99999999999999999999}",
                        "className", "\"cohortYear\": 2024, \"className\": 12}",
                        "status", "\"cohortYear\": 2024, \"status\": 0}")
                .entrySet()) {
            given().contentType(ContentType.JSON)
                    .body(base + bad.getValue())
                    .post("/api/v1/students")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", hasItem(bad.getKey().trim()));
        }
        given().contentType(ContentType.JSON)
                .body(studentJson(major, studentNo, "\"李明\"").replace("\"2008-05-14\"", "20080514"))
                .post("/api/v1/students")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("birthDate"));
        given().contentType(ContentType.JSON)
                .body(studentJson(major, studentNo, "\"李明\"").replace("\"2008-05-14\"", "\"-999999-01-01\""))
                .post("/api/v1/students")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("birthDate"));
        noStudentNumbered(studentNo);
    }

    @Test
    void deepNestingIs400() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        given().contentType(ContentType.JSON)
                .body(deep)
                .post("/api/v1/students/batch")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("{\"name\": " + deep + "}")
                .post("/api/v1/firms")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        String major = TestData.major();
        String studentNo = TestData.studentNo();
        RawHttp.Answer answer = RawHttp.send(
                "POST",
                "/api/v1/students",
                studentJson(major, studentNo, "\"李明\""),
                "Authorization: Bearer " + adminKey());
        assertEquals(415, answer.status(), answer.body());
        assertEquals(PROBLEM, answer.header("Content-Type"));
        noStudentNumbered(studentNo);
    }

    @Test
    void csvCellsStillReadAsNumbersAndDates() {
        String major = TestData.major();
        String studentNo = TestData.studentNo();
        String csv = "studentNo,name,gender,birthDate,majorCode,cohortYear\n" + studentNo + ",李明,MALE,2008-05-14,"
                + major + ",2024\n";
        List<String> ids = given().contentType("text/csv")
                .body(csv)
                .post("/api/v1/students/batch")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        Api.get("/api/v1/students/" + ids.get(0)).statusCode(200).body("cohortYear", equalTo(2024));
    }

    private static String adminKey() {
        return TestCredentials.ADMIN_KEY;
    }
}
