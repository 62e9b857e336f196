package org.placementtracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(IfMatchRequiredTest.Required.class)
class IfMatchRequiredTest {

    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pt.http.require-if-match", "true");
        }
    }

    @Test
    void writesWithoutIfMatchAre428() {
        String code = TestData.major();
        Api.patch("/api/v1/majors/" + code, "{\"name\": \"新名称\"}")
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", endsWith("/precondition-required"));
        Api.delete("/api/v1/majors/" + code).statusCode(428);
        String etag = Api.get("/api/v1/majors/" + code).extract().header("ETag");
        given().contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", etag)
                .body("{\"name\": \"新名称\"}")
                .patch("/api/v1/majors/" + code)
                .then()
                .statusCode(200);
    }
}
