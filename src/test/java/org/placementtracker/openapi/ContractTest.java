package org.placementtracker.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/** What the OpenAPI document promises a generated client, checked against the service itself. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ContractTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aClientThatAcceptsOnlyProblemsStillGetsItsAnswers() {
        String major = TestData.major();
        String id = given().contentType(ContentType.JSON)
                .accept(PROBLEM)
                .body(TestData.studentRequest(major))
                .post("/api/v1/students")
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header(
                        "Location",
                        endsWith("/api/v1/students/"
                                + given().get("/api/v1/students?majorCode=" + major)
                                        .then()
                                        .extract()
                                        .path("items[0].id")))
                .header("ETag", "\"0\"")
                .extract()
                .path("id");
        given().accept(PROBLEM).get("/api/v1/students/" + id).then().statusCode(200);
        given().accept(PROBLEM).delete("/api/v1/students/" + id).then().statusCode(204);
        given().accept(PROBLEM)
                .get("/api/v1/students/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void parametersHaveTheirTypes() {
        given().get("/api/v1/students?limit=abc")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("/invalid-query-parameter"))
                .body("errors.field", hasItem("limit"));
        given().get("/api/v1/students?limit=201")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("/invalid-query-parameter"))
                .body("errors.field", hasItem("limit"));
        given().get("/api/v1/placements?status=DONE")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("COMPLETED"));
        given().get("/api/v1/reports/placements/yearly?groupBy=orderclass")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("groupBy"))
                .body("errors[0].message", containsString("orderClass"));
        given().get("/api/v1/reports/placements/yearly?from=1800")
                .then()
                .statusCode(400)
                .body("type", endsWith("/invalid-query-parameter"))
                .body("errors.field", hasItem("from"));
        given().get("/api/v1/firms/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/students/" + TestData.student(TestData.major()) + "?reveal=phone")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reveal"));
    }

    /** Every operation requires the one declared scheme, so a generated client knows how to authenticate. */
    @Test
    void everyOperationRequiresTheDeclaredBearerScheme() {
        JsonPath document = new JsonPath(
                given().accept("application/json").get("/q/openapi?format=json").asString());
        Map<String, Object> schemes = document.getMap("components.securitySchemes");
        assertEquals(Set.of("bearer"), schemes.keySet());
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> && operation.containsKey("responses")) {
                assertEquals(
                        List.of(Map.of("bearer", List.of())),
                        operation.get("security"),
                        method + " " + path + " must require exactly the bearer scheme");
            }
        }));
    }

    @Test
    void aCursorOfASearchInChineseFitsTheDocumentedLength() {
        String major = TestData.major();
        String name = "长城汽车".repeat(25);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> student = TestData.studentRequest(major);
            student.put("name", name);
            TestData.created("/api/v1/students", student);
        }
        String cursor = Api.get("/api/v1/students?limit=1&majorCode=" + major + "&q=" + name)
                .statusCode(200)
                .extract()
                .path("nextCursor");
        // The document once capped cursors at 500 characters, and validating clients refused real ones.
        assertTrue(
                cursor.length() > 1000 && cursor.length() <= CursorCodec.MAX_LENGTH,
                "cursor length " + cursor.length());
        Api.json()
                .queryParam("limit", 1)
                .queryParam("majorCode", major)
                .queryParam("q", name)
                .queryParam("cursor", cursor)
                .get("/api/v1/students")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void reportsComeAsFilesFromTheirExportOperations() {
        byte[] csv = given().get("/api/v1/reports/placements/yearly/export?format=csv&from=2020&to=2021")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment"))
                .extract()
                .asByteArray();
        assertTrue(new String(csv, StandardCharsets.UTF_8).contains("2021"));
        given().get("/api/v1/reports/placements/by-firm/export?format=xlsx")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats"))
                .extract()
                .asByteArray();
        given().get("/api/v1/reports/placements/yearly/export?format=json")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().get("/api/v1/reports/placements/yearly/export")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().accept(ContentType.JSON)
                .get("/api/v1/reports/placements/yearly?from=2020&to=2021")
                .then()
                .statusCode(200)
                .body("rows.size()", greaterThan(0));
    }

    @Test
    void createsAnswerWithTheResourceAndWhereItLives() {
        given().contentType(ContentType.JSON)
                .body(TestData.firmRequest())
                .post("/api/v1/firms")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/firms/"))
                .header("ETag", notNullValue())
                .body("id", notNullValue());
    }
}
