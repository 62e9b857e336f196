package org.placementtracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.TestCredentials;
import org.placementtracker.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(RateLimitTest.FiveAMinute.class)
class RateLimitTest {

    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The tests' own client connects from 127.0.0.1, which here stands for a load balancer.
            return Map.of("pt.rate-limit.per-minute", "5", "pt.rate-limit.trusted-proxies", "127.0.0.1,10.0.0.0/8");
        }
    }

    private static final String ADMIN = "Bearer " + TestCredentials.ADMIN_KEY;

    /**
     * Runs {@code steps} again if a minute ended while they ran (the window restarted, so counts
     * began afresh): the limiter counts in fixed one-minute windows, and the steps take milliseconds.
     */
    private static void inOneWindow(Runnable steps) {
        for (int attempt = 0; ; attempt++) {
            long minute = Instant.now().getEpochSecond() / 60;
            try {
                steps.run();
                return;
            } catch (AssertionError e) {
                if (attempt > 0 || Instant.now().getEpochSecond() / 60 == minute) {
                    throw e;
                }
            }
        }
    }

    /** Each test speaks from a client address of its own, through the trusted proxy. */
    private static String newClient() {
        return "203.0." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    private static String junk() {
        return "Bearer ptk_" + "r".repeat(43) + System.nanoTime();
    }

    @Test
    void answers429PastTheLimitAndTellsEveryCallerWhereItStands() {
        inOneWindow(() -> {
            String client = newClient();
            // Requests without a credential are counted per client address.
            for (int i = 1; i <= 5; i++) {
                given().header("Authorization", "")
                        .header("X-Forwarded-For", client)
                        .get("/api/v1/firms")
                        .then()
                        .statusCode(401)
                        .header("RateLimit-Limit", "5")
                        .header("RateLimit-Reset", notNullValue());
            }
            given().header("Authorization", "")
                    .header("X-Forwarded-For", client)
                    .get("/api/v1/firms")
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/rate-limited"))
                    .header("Retry-After", notNullValue())
                    .header("RateLimit-Remaining", "0");
        });
    }

    @Test
    void rotatingJunkTokensShareTheirAddressWindow() {
        inOneWindow(() -> {
            String client = newClient();
            given().header("Authorization", ADMIN).get("/api/v1/firms").then().statusCode(200);
            for (int i = 1; i <= 5; i++) {
                given().header("Authorization", junk())
                        .header("X-Forwarded-For", client)
                        .get("/api/v1/firms")
                        .then()
                        .statusCode(401);
            }
            given().header("Authorization", junk())
                    .header("X-Forwarded-For", client)
                    .get("/api/v1/firms")
                    .then()
                    .statusCode(429);
            // An accepted credential has a window of its own, wherever it comes from.
            given().header("Authorization", ADMIN)
                    .header("X-Forwarded-For", client)
                    .get("/api/v1/firms")
                    .then()
                    .statusCode(200);
            // Another address has its own window.
            given().header("Authorization", junk())
                    .header("X-Forwarded-For", newClient())
                    .get("/api/v1/firms")
                    .then()
                    .statusCode(401)
                    .header("RateLimit-Remaining", equalTo("4"));
        });
    }

    @Test
    void anAddressWrittenByTheClientIsNotBelieved() {
        inOneWindow(() -> {
            String client = newClient();
            for (int i = 1; i <= 5; i++) {
                given().header("Authorization", junk())
                        .header("X-Forwarded-For", "198.51.100." + i + ", " + client)
                        .get("/api/v1/firms")
                        .then()
                        .statusCode(401);
            }
            given().header("Authorization", junk())
                    .header("X-Forwarded-For", "198.51.100.99, " + client)
                    .get("/api/v1/firms")
                    .then()
                    .statusCode(429);
        });
    }
}
