package org.placementtracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestDatabase;

/** Every failure class answers with RFC 9457 problem details and changes nothing. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIs400() {
        given().contentType(ContentType.JSON)
                .body("{\"code\": ")
                .post("/api/v1/majors")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("/malformed-json"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/majors"));
    }

    @Test
    void unknownJsonFieldIs400NamingTheField() {
        Api.post("/api/v1/majors", Map.of("code", "U100001", "name", "x", "colour", "red"))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("/unknown-field"))
                .body("errors.field", hasItem("colour"));
        Api.get("/api/v1/majors/U100001").statusCode(404);
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        Api.post("/api/v1/firms", Map.of("name", "类型错误公司", "creditCode", "91350100M000100Y43", "headcount", "many"))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("headcount"));
        Api.post("/api/v1/students", Map.of("studentNo", "X1", "name", "x", "gender", "OTHER"))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("gender"))
                .body("errors[0].message", containsString("MALE"));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        Api.post("/api/v1/students", Map.of("studentNo", "", "name", "", "gender", "MALE"))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", hasItem("studentNo"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("birthDate"))
                .body("errors.field", hasItem("majorCode"))
                .body("errors.field", hasItem("cohortYear"));
    }

    @Test
    void missingBodyIs400() {
        given().contentType(ContentType.JSON)
                .post("/api/v1/majors")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void oversizedStringIs400() {
        Api.post("/api/v1/majors", Map.of("code", "U100002", "name", "长".repeat(101)))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("name"));
    }

    @Test
    void oversizedBodyIs413() {
        given().contentType(ContentType.JSON)
                .body("{\"code\": \"U100003\", \"name\": \"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/v1/majors")
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("type", endsWith("/payload-too-large"));
        Api.get("/api/v1/majors/U100003").statusCode(404);
    }

    @Test
    void unknownQueryParameterIs400() {
        Api.get("/api/v1/students?majorcode=700206")
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("/invalid-query-parameter"))
                .body("errors[0].field", equalTo("majorcode"));
    }

    @Test
    void badQueryValuesAre400() {
        Api.get("/api/v1/students?cohortYear=twenty")
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("cohortYear"));
        Api.get("/api/v1/placements?firmId=not-a-uuid").statusCode(400).contentType(PROBLEM);
        Api.get("/api/v1/placements?status=LOST").statusCode(400).contentType(PROBLEM);
        Api.get("/api/v1/firms?sort=colour")
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void limitOutsideOneTo200Is400() {
        Api.get("/api/v1/firms?limit=201")
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
        Api.get("/api/v1/firms?limit=0").statusCode(400).contentType(PROBLEM);
        Api.get("/api/v1/firms?limit=abc").statusCode(400).contentType(PROBLEM);
        Api.get("/api/v1/firms?limit=200").statusCode(200);
    }

    @Test
    void tamperedOrForeignCursorIs400() {
        Api.get("/api/v1/firms?cursor=abc.def")
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("cursor"));
        for (int i = 0; i < 3; i++) {
            Api.post("/api/v1/majors", Map.of("code", "CUR" + (System.nanoTime() % 100000000), "name", "游标" + i))
                    .statusCode(201);
        }
        String cursor =
                Api.get("/api/v1/majors?limit=1").statusCode(200).extract().path("nextCursor");
        // Change the signature's first character: its six bits always change the decoded bytes (the last
        // character may only carry padding bits).
        int signature = cursor.indexOf('.') + 1;
        char first = cursor.charAt(signature);
        String tampered = cursor.substring(0, signature) + (first == 'A' ? 'B' : 'A') + cursor.substring(signature + 1);
        Api.get("/api/v1/majors?limit=1&cursor=" + tampered).statusCode(400).contentType(PROBLEM);
        // A cursor belongs to its query: other filters or order must not reuse it.
        Api.get("/api/v1/majors?limit=1&sort=name&cursor=" + cursor)
                .statusCode(400)
                .contentType(PROBLEM);
        Api.get("/api/v1/majors?limit=1&cursor=" + cursor).statusCode(200);
    }

    @Test
    void malformedOrUnknownIdIs404() {
        Api.get("/api/v1/students/12345").statusCode(404).contentType(PROBLEM).body("type", endsWith("/not-found"));
        Api.get("/api/v1/firms/00000000-0000-4000-8000-000000000000")
                .statusCode(404)
                .contentType(PROBLEM);
        Api.patch("/api/v1/placements/nope", "{}").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void unknownPathMethodAndMediaTypeHaveProblems() {
        Api.get("/api/v1/nothing-here").statusCode(404).contentType(PROBLEM);
        given().put("/api/v1/majors").then().statusCode(405).contentType(PROBLEM);
        given().contentType(ContentType.TEXT)
                .body("x")
                .post("/api/v1/majors")
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("{}")
                .patch("/api/v1/majors/700206")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("detail", containsString("application/merge-patch+json for PATCH"));
    }

    @Test
    void mergePatchMustBeAnObjectAndKeepsRules() {
        String code = "MP" + (System.nanoTime() % 100000000);
        Api.post("/api/v1/majors", Map.of("code", code, "name", "机电技术应用")).statusCode(201);
        Api.patch("/api/v1/majors/" + code, "[1]").statusCode(400).contentType(PROBLEM);
        Api.patch("/api/v1/majors/" + code, "{\"name\": null}")
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("name"));
        Api.patch("/api/v1/majors/" + code, "{\"code\": \"OTHER1\"}")
                .statusCode(400)
                .contentType(PROBLEM);
        Api.patch("/api/v1/majors/" + code, "{\"memberCount\": 3}")
                .statusCode(400)
                .contentType(PROBLEM);
        Api.get("/api/v1/majors/" + code).statusCode(200).body("name", equalTo("机电技术应用"));
    }

    @Test
    void problemsRevealNoInternals() {
        Api.post("/api/v1/majors", Map.of("code", "U100004", "name", "x", "group", Map.of("a", 1)))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", not(containsString("java")))
                .body("detail", not(containsString("Exception")));
    }

    @Inject
    AgroalDataSource dataSource;

    /** A constraint renamed or dropped by a migration would silently lose its readable answer. */
    @Test
    void everyConstraintTheMapperKnowsExists() throws Exception {
        Set<String> names = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select conname from pg_constraint union select relname from pg_class "
                        + "where relkind = 'i'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        for (String known : DatabaseConstraints.names()) {
            assertTrue(names.contains(known), known + " is mapped but not in the schema");
        }
    }
}
