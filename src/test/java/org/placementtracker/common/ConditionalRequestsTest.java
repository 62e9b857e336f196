package org.placementtracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/** ETags from the version column: no lost updates, and cheap re-reads. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ConditionalRequestsTest {

    @Test
    void readsCarryAStrongETagAndAnUnchangedResourceIs304() {
        String firm = TestData.firm();
        String etag = Api.get("/api/v1/firms/" + firm).statusCode(200).extract().header("ETag");
        assertEquals("\"0\"", etag);
        given().header("If-None-Match", etag)
                .get("/api/v1/firms/" + firm)
                .then()
                .statusCode(304);
        Api.patch("/api/v1/firms/" + firm, "{\"headcount\": 99}")
                .statusCode(200)
                .header("ETag", "\"1\"");
        given().header("If-None-Match", etag)
                .get("/api/v1/firms/" + firm)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String student = TestData.student(TestData.major());
        String etag = Api.get("/api/v1/students/" + student).extract().header("ETag");
        given().contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", etag)
                .body("{\"className\": \"甲班\"}")
                .patch("/api/v1/students/" + student)
                .then()
                .statusCode(200)
                .body("className", equalTo("甲班"));
        given().contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", etag)
                .body("{\"className\": \"乙班\"}")
                .patch("/api/v1/students/" + student)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", endsWith("/precondition-failed"));
        Api.get("/api/v1/students/" + student).statusCode(200).body("className", equalTo("甲班"));
        given().header("If-Match", etag)
                .delete("/api/v1/students/" + student)
                .then()
                .statusCode(412);
        Api.get("/api/v1/students/" + student).statusCode(200);
        String current = Api.get("/api/v1/students/" + student).extract().header("ETag");
        assertNotEquals(etag, current);
        given().header("If-Match", current)
                .delete("/api/v1/students/" + student)
                .then()
                .statusCode(204);
    }

    @Test
    void aMembershipChangesTheOrderClassETag() {
        String major = TestData.major();
        String orderClass = TestData.orderClass(TestData.firm(), major, 3);
        String before = Api.get("/api/v1/order-classes/" + orderClass).extract().header("ETag");
        TestData.member(orderClass, TestData.student(major));
        given().contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", before)
                .body("{\"quota\": 1}")
                .patch("/api/v1/order-classes/" + orderClass)
                .then()
                .statusCode(412);
        Api.get("/api/v1/order-classes/" + orderClass).statusCode(200).body("quota", equalTo(3));
    }

    @Test
    void aRevealedIdNumberIsNeitherTaggedNorRevalidated() {
        LocalDate born = LocalDate.of(2008, 5, 14);
        String student = TestData.student(TestData.major(), Map.of("idNumber", TestData.idNumber(born, true)));
        String masked = Api.get("/api/v1/students/" + student)
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .header("ETag");
        assertNotNull(masked);
        ExtractableResponse<Response> revealed = Api.json()
                .header("If-None-Match", masked)
                .get("/api/v1/students/" + student + "?reveal=idNumber")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract();
        assertNull(revealed.header("ETag"));
        assertEquals(18, revealed.<String>path("idNumber").length());
    }
}
