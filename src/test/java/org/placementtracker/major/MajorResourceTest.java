package org.placementtracker.major;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class MajorResourceTest {

    @Test
    void createsReadsPatchesAndDeletesAMajor() {
        String code = TestData.majorCode();
        Api.post("/api/v1/majors", Map.of("code", code, "name", "汽车运用与维修", "group", "汽车专业群"))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/majors/" + code))
                .body("name", equalTo("汽车运用与维修"));
        Api.patch("/api/v1/majors/" + code, "{\"group\": null}")
                .statusCode(200)
                .body("group", nullValue())
                .body("name", equalTo("汽车运用与维修"));
        Api.get("/api/v1/majors?q=" + code).statusCode(200).body("items.code", hasItem(code));
        Api.delete("/api/v1/majors/" + code).statusCode(204);
        Api.get("/api/v1/majors/" + code).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rejectsDuplicateCode() {
        String code = TestData.majorCode();
        Api.post("/api/v1/majors", Map.of("code", code, "name", "数控技术应用")).statusCode(201);
        Api.post("/api/v1/majors", Map.of("code", code, "name", "数控技术应用"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/duplicate-major"));
    }
}
