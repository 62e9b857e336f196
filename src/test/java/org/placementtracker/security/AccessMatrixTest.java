package org.placementtracker.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * The role × endpoint matrix, generated from the application's own OpenAPI document: every
 * operation must appear in {@link #EXPECTED} (a new endpoint without a rule fails here), and each
 * is called as nobody and as every role, with ids that name nothing, so no call changes data.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AccessMatrixTest {

    private static final Set<String> READ = Set.of("ADMIN", "OFFICER", "VIEWER");
    private static final Set<String> READ_OWN = Set.of("ADMIN", "OFFICER", "VIEWER", "PARTNER");
    private static final Set<String> WRITE = Set.of("ADMIN", "OFFICER");
    private static final Set<String> ADMIN = Set.of("ADMIN");

    private static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static {
        for (String resource : List.of(
                "/api/v1/majors|{code}", "/api/v1/students|{id}", "/api/v1/firms|{id}", "/api/v1/order-classes|{id}")) {
            String collection = resource.substring(0, resource.indexOf('|'));
            String item = collection + "/" + resource.substring(resource.indexOf('|') + 1);
            Set<String> reads = collection.endsWith("majors") ? READ : READ_OWN;
            EXPECTED.put("GET " + collection, reads);
            EXPECTED.put("POST " + collection, WRITE);
            EXPECTED.put("GET " + item, reads);
            EXPECTED.put("PATCH " + item, WRITE);
            EXPECTED.put("DELETE " + item, WRITE);
        }
        EXPECTED.put("POST /api/v1/students/batch", WRITE);
        EXPECTED.put("POST /api/v1/placements/batch", WRITE);
        EXPECTED.put("GET /api/v1/order-classes/{id}/members", READ);
        EXPECTED.put("POST /api/v1/order-classes/{id}/members", WRITE);
        EXPECTED.put("GET /api/v1/order-classes/{id}/members/{studentId}", READ);
        EXPECTED.put("DELETE /api/v1/order-classes/{id}/members/{studentId}", WRITE);
        EXPECTED.put("GET /api/v1/order-classes/{id}/rotations", READ_OWN);
        EXPECTED.put("POST /api/v1/order-classes/{id}/rotations", WRITE);
        EXPECTED.put("GET /api/v1/rotations/{id}", READ_OWN);
        EXPECTED.put("PATCH /api/v1/rotations/{id}", WRITE);
        EXPECTED.put("POST /api/v1/rotations/{id}/dispatch", WRITE);
        EXPECTED.put("GET /api/v1/placements", READ_OWN);
        EXPECTED.put("POST /api/v1/placements", WRITE);
        EXPECTED.put("GET /api/v1/placements/{id}", READ_OWN);
        EXPECTED.put("PATCH /api/v1/placements/{id}", WRITE);
        EXPECTED.put("POST /api/v1/placements/{id}/status", Set.of("ADMIN", "OFFICER", "PARTNER"));
        EXPECTED.put("GET /api/v1/reports/placements/yearly", READ_OWN);
        EXPECTED.put("GET /api/v1/reports/placements/by-firm", READ_OWN);
        EXPECTED.put("GET /api/v1/reports/placements/yearly/export", READ_OWN);
        EXPECTED.put("GET /api/v1/reports/placements/by-firm/export", READ_OWN);
        EXPECTED.put("POST /api/v1/api-keys", WRITE);
        EXPECTED.put("GET /api/v1/api-keys", WRITE);
        EXPECTED.put("DELETE /api/v1/api-keys/{id}", WRITE);
        EXPECTED.put("GET /api/v1/audit", ADMIN);
        EXPECTED.put("GET /api/v1/changes", READ_OWN);
    }

    private final Map<String, String> keys = new LinkedHashMap<>();

    @BeforeEach
    void keysForEveryRole() {
        String firm = TestData.firm();
        keys.put("ADMIN", Keys.create("ADMIN", null));
        keys.put("OFFICER", Keys.create("OFFICER", null));
        keys.put("VIEWER", Keys.create("VIEWER", null));
        keys.put("PARTNER", Keys.create("PARTNER", firm));
    }

    @Test
    void everyOperationHasARuleAndEveryRoleGetsWhatTheRuleSays() {
        List<String> operations = operations();
        assertEquals(
                new TreeSet<>(EXPECTED.keySet()),
                new TreeSet<>(operations),
                "operations in the OpenAPI document and in the expected matrix differ");
        List<String> failures = new ArrayList<>();
        for (String operation : operations) {
            check(failures, operation, "nobody", "", Set.of(401));
            for (Map.Entry<String, String> role : keys.entrySet()) {
                boolean allowed = EXPECTED.get(operation).contains(role.getKey());
                int status = call(operation, Keys.bearer(role.getValue())).statusCode();
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    failures.add(operation + " as " + role.getKey() + " answered " + status + ", expected "
                            + (allowed ? "neither 401 nor 403" : "403"));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void healthDocumentationAndSwaggerUiStayPublic() {
        given().header("Authorization", "").get("/q/health/live").then().statusCode(200);
        given().header("Authorization", "").get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", "").get("/q/openapi").then().statusCode(200);
        given().header("Authorization", "").get("/q/swagger-ui/").then().statusCode(200);
    }

    private void check(
            List<String> failures, String operation, String who, String authorization, Set<Integer> expected) {
        Response response = call(operation, authorization);
        if (!expected.contains(response.statusCode())) {
            failures.add(operation + " as " + who + " answered " + response.statusCode() + ", expected " + expected);
        } else if (!response.contentType().startsWith("application/problem+json")) {
            failures.add(operation + " as " + who + " answered " + response.contentType());
        }
    }

    /** Calls an operation with ids that name nothing and an empty body: nothing can change. */
    private static Response call(String operation, String authorization) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation
                .substring(operation.indexOf(' ') + 1)
                .replace("{code}", "NOPE01")
                .replaceAll("\\{[a-zA-Z]+\\}", "00000000-0000-4000-8000-000000000000");
        var request = given().header("Authorization", authorization);
        if (method.equals("POST")) {
            request = request.contentType("application/json").body("{}");
        } else if (method.equals("PATCH")) {
            request = request.contentType("application/merge-patch+json").body("{}");
        }
        return request.request(method, path);
    }

    private static List<String> operations() {
        JsonPath document = new JsonPath(
                given().accept("application/json").get("/q/openapi?format=json").asString());
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().forEach(method -> {
            if (Set.of("get", "post", "patch", "put", "delete").contains(method)) {
                operations.add(method.toUpperCase() + " " + path);
            }
        }));
        return operations;
    }
}
