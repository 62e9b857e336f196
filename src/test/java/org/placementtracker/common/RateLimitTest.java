package org.placementtracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.TestClock;
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

    private static final AtomicLong MINUTE = new AtomicLong();

    @Inject
    TestClock clock;

    /**
     * Each test runs with the clock stopped inside a one-minute window no other test uses, so its
     * counts begin at zero and no minute can end while it runs.
     */
    @BeforeEach
    void ownWindow() {
        clock.stopAt(Instant.parse("2030-01-01T00:00:01Z").plus(Duration.ofMinutes(MINUTE.incrementAndGet())));
    }

    @AfterEach
    void realTime() {
        clock.reset();
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
    }

    @Test
    void rotatingJunkTokensShareTheirAddressWindow() {
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
    }

    @Test
    void anAddressWrittenByTheClientIsNotBelieved() {
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
    }
}
