package org.placementtracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/** Every change made through the API is in the history with its actor and before/after values. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AuditHistoryTest {

    @Test
    void recordsWhoChangedWhatNewestFirst() {
        String officerName = "officer-" + TestData.next();
        String officer = Api.post("/api/v1/api-keys", Map.of("name", officerName, "role", "OFFICER"))
                .statusCode(201)
                .extract()
                .path("key");
        Map<String, Object> firm = TestData.firmRequest();
        String id = given().header("Authorization", Keys.bearer(officer))
                .contentType("application/json")
                .body(firm)
                .post("/api/v1/firms")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", Keys.bearer(officer))
                .contentType("application/merge-patch+json")
                .body("{\"headcount\": 1500, \"status\": \"INACTIVE\"}")
                .patch("/api/v1/firms/" + id)
                .then()
                .statusCode(200);

        Api.get("/api/v1/audit?entityType=firm&entityId=" + id)
                .statusCode(200)
                .body("items.operation", contains("STATUS_CHANGE", "CREATE"))
                .body("items[0].actor", equalTo(officerName))
                .body("items[0].role", equalTo("OFFICER"))
                .body("items[0].occurredAt", notNullValue())
                .body("items[0].changes.find { it.field == 'headcount' }.before", equalTo(1200))
                .body("items[0].changes.find { it.field == 'headcount' }.after", equalTo(1500))
                .body("items[0].changes.find { it.field == 'status' }.before", equalTo("ACTIVE"))
                .body("items[0].changes.find { it.field == 'status' }.after", equalTo("INACTIVE"))
                .body("items[1].changes.find { it.field == 'name' }.after", equalTo(firm.get("name")));
    }

    @Test
    void recordsPlacementStatusChangesAndDeletes() {
        String major = TestData.major();
        String student = TestData.student(major);
        String placement = TestData.placement(student, TestData.firm(), "2025-03-01", "2025-03-31");
        TestData.placementStatus(placement, "ACTIVE");
        Api.get("/api/v1/audit?entityType=placement&entityId=" + placement)
                .statusCode(200)
                .body("items.operation", contains("STATUS_CHANGE", "CREATE"))
                .body("items[0].changes.find { it.field == 'status' }.after", equalTo("ACTIVE"));

        String code = TestData.major();
        Api.delete("/api/v1/majors/" + code).statusCode(204);
        Api.get("/api/v1/audit?entityType=major&entityId=" + code)
                .statusCode(200)
                .body("items.operation", contains("DELETE", "CREATE"));
    }

    @Test
    void historyIsPaginatedLikeEveryList() {
        String id = TestData.firm();
        for (int i = 0; i < 4; i++) {
            Api.patch("/api/v1/firms/" + id, "{\"headcount\": " + (2000 + i) + "}")
                    .statusCode(200);
        }
        List<String> operations = Api.all("/api/v1/audit?entityType=firm&entityId=" + id + "&limit=2", "operation");
        assertEquals(List.of("UPDATE", "UPDATE", "UPDATE", "UPDATE", "CREATE"), operations);
    }

    @Test
    void onlyAdminsReadTheHistory() {
        given().header("Authorization", Keys.bearer(Keys.create("OFFICER", null)))
                .get("/api/v1/audit?entityType=firm&entityId=" + TestData.firm())
                .then()
                .statusCode(403);
        Api.get("/api/v1/audit?entityType=school&entityId=x")
                .statusCode(400)
                .body("errors.field", hasItem("entityType"));
    }
}
