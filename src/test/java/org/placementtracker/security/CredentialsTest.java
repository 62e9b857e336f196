package org.placementtracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestClock;
import org.placementtracker.support.TestCredentials;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/** Who gets in: API keys and identity-provider tokens, and every way a credential can be bad. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class CredentialsTest {

    @Inject
    TestClock clock;

    private static final String PROTECTED = "/api/v1/placements?limit=1";

    @Test
    void missingCredentialsAre401WithAProblem() {
        given().header("Authorization", "")
                .get(PROTECTED)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", endsWith("/unauthenticated"));
    }

    @Test
    void everyBadCredentialGetsTheSameAnswer() throws Exception {
        String revoked = revokedKey();
        String good = TestCredentials.token("officer-li", "OFFICER", null);
        String[] parts = good.split("\\.");
        String tamperedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("OFFICER", "ADMIN")
                        .getBytes(StandardCharsets.UTF_8));
        String unsigned = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        long now = Instant.now().getEpochSecond();
        Map<String, String> bad = Map.of(
                "unknown API key",
                "ptk_" + "x".repeat(43),
                "revoked API key",
                revoked,
                "alg none",
                unsigned,
                "tampered",
                parts[0] + "." + tamperedPayload + "." + parts[2],
                "wrong issuer",
                TestCredentials.signed(Map.of(
                        "iss",
                        "https://evil.example",
                        "sub",
                        "x",
                        "upn",
                        "x",
                        "groups",
                        List.of("ADMIN"),
                        "exp",
                        now + 600,
                        "iat",
                        now)),
                "expired",
                TestCredentials.signed(Map.of(
                        "iss",
                        TestCredentials.ISSUER,
                        "sub",
                        "x",
                        "upn",
                        "x",
                        "groups",
                        List.of("ADMIN"),
                        "exp",
                        now - 600,
                        "iat",
                        now - 1200)),
                "signed by another key",
                TestCredentials.signedByStranger("x", "ADMIN"),
                "no role of ours",
                TestCredentials.token("x", "STUDENT", null),
                "partner without firm",
                TestCredentials.token("x", "PARTNER", null),
                "garbage",
                "not-a-token");
        String reference = null;
        for (Map.Entry<String, String> credential : bad.entrySet()) {
            String body = given().header("Authorization", "Bearer " + credential.getValue())
                    .get(PROTECTED)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .extract()
                    .asString();
            String withoutInstance = body.replaceAll("\"instance\":\"[^\"]*\"", "");
            if (reference == null) {
                reference = withoutInstance;
            }
            assertEquals(reference, withoutInstance, credential.getKey() + " must not say what was wrong");
        }
    }

    @Test
    void identityProviderTokensAuthenticateWithTheirRole() {
        String viewer = TestCredentials.token("viewer-wang", "VIEWER", null);
        given().header("Authorization", "Bearer " + viewer)
                .get(PROTECTED)
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + viewer)
                .contentType("application/json")
                .body(TestData.firmRequest())
                .post("/api/v1/firms")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/forbidden"));
    }

    @Test
    void apiKeysAreShownOnceStoredHashedAndRevocableAtOnce() {
        Map<String, Object> created = Api.post(
                        "/api/v1/api-keys", Map.of("name", "脚本" + TestData.next(), "role", "VIEWER"))
                .statusCode(201)
                .body("key", startsWith("ptk_"))
                .extract()
                .as(Map.class);
        String key = (String) created.get("key");
        assertEquals(47, key.length());
        given().header("Authorization", Keys.bearer(key)).get(PROTECTED).then().statusCode(200);
        Api.get("/api/v1/api-keys?limit=200")
                .statusCode(200)
                .body("items.key", everyItem(nullValue()))
                .body("items.id", hasItem(created.get("id")));
        Api.delete("/api/v1/api-keys/" + created.get("id")).statusCode(204);
        given().header("Authorization", Keys.bearer(key)).get(PROTECTED).then().statusCode(401);
    }

    @Test
    void expiredKeysStopWorking() {
        String key = Api.post(
                        "/api/v1/api-keys",
                        Map.of(
                                "name",
                                "short-lived",
                                "role",
                                "VIEWER",
                                "expiresAt",
                                clock.instant().plus(Duration.ofHours(1)).toString()))
                .statusCode(201)
                .extract()
                .path("key");
        given().header("Authorization", Keys.bearer(key)).get(PROTECTED).then().statusCode(200);
        try {
            clock.advance(Duration.ofMinutes(59));
            given().header("Authorization", Keys.bearer(key))
                    .get(PROTECTED)
                    .then()
                    .statusCode(200);
            clock.advance(Duration.ofMinutes(2));
            given().header("Authorization", Keys.bearer(key))
                    .get(PROTECTED)
                    .then()
                    .statusCode(401);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aKeyCannotBeMadeAlreadyExpired() {
        Api.post(
                        "/api/v1/api-keys",
                        Map.of(
                                "name",
                                "expired",
                                "role",
                                "VIEWER",
                                "expiresAt",
                                clock.instant().minusSeconds(1).toString()))
                .statusCode(400)
                .body("errors.field", hasItem("expiresAt"));
    }

    @Test
    void officersManageOnlyPartnerAndViewerKeys() {
        String officer = Keys.create("OFFICER", null);
        given().header("Authorization", Keys.bearer(officer))
                .contentType("application/json")
                .body(Map.of("name", "x", "role", "ADMIN"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Keys.bearer(officer))
                .contentType("application/json")
                .body(Map.of("name", "hr", "role", "PARTNER", "firmId", TestData.firm()))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201);
        given().header("Authorization", Keys.bearer(officer))
                .get("/api/v1/api-keys?limit=200")
                .then()
                .statusCode(200)
                .body("items.role", not(hasItem("ADMIN")))
                .body("items.role", not(hasItem("OFFICER")));
        Api.post("/api/v1/api-keys", Map.of("name", "x", "role", "PARTNER"))
                .statusCode(400)
                .body("errors.field", hasItem("firmId"));
    }

    @Test
    void noResponseToAnyRoleContainsAFullIdNumber() {
        String idNumber = TestData.idNumber(LocalDate.of(2008, 5, 14), true);
        String firm = TestData.firm();
        String student = TestData.student(TestData.major(), Map.of("idNumber", idNumber));
        TestData.placement(student, firm, "2025-06-01", "2025-06-30");
        Map<String, String> callers = Map.of(
                "ADMIN",
                Keys.create("ADMIN", null),
                "OFFICER",
                Keys.create("OFFICER", null),
                "VIEWER",
                Keys.create("VIEWER", null),
                "PARTNER",
                Keys.create("PARTNER", firm));
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            for (String path : List.of(
                    "/api/v1/students/" + student,
                    "/api/v1/students?limit=200",
                    "/api/v1/audit?entityType=student&entityId=" + student)) {
                String body = given().header("Authorization", Keys.bearer(caller.getValue()))
                        .get(path)
                        .then()
                        .extract()
                        .asString();
                Assertions.assertFalse(body.contains(idNumber), caller.getKey() + " saw the full ID number at " + path);
            }
        }
        Api.get("/api/v1/students/" + student)
                .statusCode(200)
                .body("idNumber", equalTo("*".repeat(14) + idNumber.substring(14)));
    }

    @Test
    void onlyAdminsRevealAnIdNumberAndEachRevealIsAudited() {
        String idNumber = TestData.idNumber(LocalDate.of(2008, 5, 14), true);
        String student = TestData.student(TestData.major(), Map.of("idNumber", idNumber));
        given().header("Authorization", Keys.bearer(Keys.create("OFFICER", null)))
                .get("/api/v1/students/" + student + "?reveal=idNumber")
                .then()
                .statusCode(403);
        String admin = Keys.create("ADMIN", null);
        given().header("Authorization", Keys.bearer(admin))
                .get("/api/v1/students/" + student + "?reveal=idNumber")
                .then()
                .statusCode(200)
                .body("idNumber", equalTo(idNumber));
        Api.get("/api/v1/audit?entityType=student&entityId=" + student)
                .statusCode(200)
                .body("items[0].operation", equalTo("REVEAL"))
                .body("items[0].role", equalTo("ADMIN"))
                .body("items[1].operation", equalTo("CREATE"));
    }

    private static String revokedKey() {
        Map<String, Object> created = Api.post("/api/v1/api-keys", Map.of("name", "revoked", "role", "VIEWER"))
                .statusCode(201)
                .extract()
                .as(Map.class);
        Api.delete("/api/v1/api-keys/" + created.get("id")).statusCode(204);
        return (String) created.get("key");
    }
}
