package org.placementtracker.security;

import static io.restassured.RestAssured.given;
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
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * The role × endpoint matrix, generated from the application's own OpenAPI document, whose
 * {@code x-roles} come from each resource method's {@code @RolesAllowed}: every operation is called
 * as nobody and as every role, with ids that name nothing, so no call changes data, and must admit
 * exactly the roles it declares. Besides, the declarations must keep the policy's shape.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AccessMatrixTest {

    private static final Set<String> ROLES = Set.of("ADMIN", "OFFICER", "VIEWER", "PARTNER");

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
    void everyRoleGetsWhatItsOperationDeclares() {
        Map<String, Set<String>> declared = declaredRoles();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Set<String>> operation : declared.entrySet()) {
            check(failures, operation.getKey(), "nobody", "", Set.of(401));
            for (Map.Entry<String, String> role : keys.entrySet()) {
                boolean allowed = operation.getValue().contains(role.getKey());
                int status =
                        call(operation.getKey(), Keys.bearer(role.getValue())).statusCode();
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    failures.add(operation.getKey() + " as " + role.getKey() + " answered " + status + ", expected "
                            + (allowed ? "neither 401 nor 403" : "403"));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * The policy in rules rather than a table of paths: admins may do everything; viewers only read;
     * partners read (their own firm's rows), change a placement's status, report the hours worked
     * and nothing else, and never see majors, members, keys or the audit history.
     */
    @Test
    void theDeclarationsKeepThePolicysShape() {
        List<String> failures = new ArrayList<>();
        declaredRoles().forEach((operation, roles) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            if (roles.isEmpty() || !ROLES.containsAll(roles)) {
                failures.add(operation + " declares " + roles);
            }
            if (!roles.contains("ADMIN")) {
                failures.add(operation + " refuses admins");
            }
            if (!method.equals("GET") && roles.contains("VIEWER")) {
                failures.add(operation + " lets viewers write");
            }
            boolean partnerWrite = !method.equals("GET")
                    && !Set.of(
                                    "/api/v1/placements/{id}/status",
                                    "/api/v1/placements/{id}/timesheets",
                                    "/api/v1/timesheets/batch")
                            .contains(path);
            boolean staffOnly = path.startsWith("/api/v1/majors")
                    || path.contains("/members")
                    || path.startsWith("/api/v1/api-keys")
                    || path.startsWith("/api/v1/audit");
            if (roles.contains("PARTNER") && (partnerWrite || staffOnly)) {
                failures.add(operation + " admits partners");
            }
        });
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

    /** Every operation of the served document with the roles it declares ({@code x-roles}). */
    private static Map<String, Set<String>> declaredRoles() {
        JsonPath document = new JsonPath(
                given().accept("application/json").get("/q/openapi?format=json").asString());
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        Map<String, Set<String>> operations = new TreeMap<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (Set.of("get", "post", "patch", "put", "delete").contains(method)) {
                Object roles = operation.get("x-roles");
                assertTrue(roles instanceof List<?>, method + " " + path + " has no x-roles");
                Set<String> names = new TreeSet<>();
                ((List<?>) roles).forEach(role -> names.add(String.valueOf(role)));
                operations.put(method.toUpperCase() + " " + path, names);
            }
        }));
        assertTrue(operations.size() > 40, "the document lists " + operations.size() + " operations");
        return operations;
    }
}
