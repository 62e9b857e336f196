package org.placementtracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(RateLimitTest.FiveAMinute.class)
class RateLimitTest {

    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pt.rate-limit.per-minute", "5");
        }
    }

    @Test
    void answers429PastTheLimitAndTellsEveryCallerWhereItStands() {
        String caller = "Bearer ptk_" + "r".repeat(43) + System.nanoTime();
        long second = java.time.Instant.now().getEpochSecond() % 60;
        if (second > 50) {
            sleep((61 - second) * 1000);
        }
        for (int i = 1; i <= 5; i++) {
            given().header("Authorization", caller).get("/api/v1/firms").then()
                    .header("RateLimit-Limit", "5").header("RateLimit-Remaining", String.valueOf(5 - i))
                    .header("RateLimit-Reset", notNullValue());
        }
        given().header("Authorization", caller).get("/api/v1/firms").then().statusCode(429)
                .contentType("application/problem+json").body("type", endsWith("/rate-limited"))
                .header("Retry-After", notNullValue());
        // Another caller has a window of its own.
        given().get("/api/v1/firms").then().statusCode(200).header("RateLimit-Remaining", equalTo("4"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
