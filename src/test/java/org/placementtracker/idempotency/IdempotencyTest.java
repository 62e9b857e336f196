package org.placementtracker.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/** A retried POST gets the first answer and creates nothing new. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class IdempotencyTest {

    @Test
    void aRetryReplaysTheFirstAnswerAndCreatesOneRow() {
        String key = "retry-" + TestData.next();
        Map<String, Object> firm = TestData.firmRequest();
        Response first = post(key, firm);
        first.then().statusCode(201);
        assertNull(first.header("Idempotency-Replayed"));
        Response again = post(key, firm);
        again.then().statusCode(201).header("Idempotency-Replayed", "true");
        assertEquals(first.asString(), again.asString());
        assertEquals(first.header("Location"), again.header("Location"));
        Api.get("/api/v1/firms?q=" + firm.get("creditCode")).statusCode(200).body("items", hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = "mismatch-" + TestData.next();
        post(key, TestData.firmRequest()).then().statusCode(201);
        Map<String, Object> other = TestData.firmRequest();
        post(key, other)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-reused"));
        Api.get("/api/v1/firms?q=" + other.get("creditCode")).statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aFailedRequestStoresNothingSoItsKeyCanBeUsedAgain() {
        String key = "failed-" + TestData.next();
        Map<String, Object> firm = TestData.firmRequest();
        firm.put("creditCode", "91350100M000100Y44");
        post(key, firm).then().statusCode(400);
        Map<String, Object> fixed = TestData.firmRequest();
        post(key, fixed).then().statusCode(201);
    }

    @Test
    void keysBelongToTheirCredential() {
        String key = "shared-" + TestData.next();
        String officer = Api.post("/api/v1/api-keys", Map.of("name", "officer", "role", "OFFICER"))
                .statusCode(201)
                .extract()
                .path("key");
        post(key, TestData.firmRequest()).then().statusCode(201);
        given().header("Authorization", "Bearer " + officer)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(TestData.firmRequest())
                .post("/api/v1/firms")
                .then()
                .statusCode(201);
    }

    @Test
    void rejectsMalformedKeys() {
        post("", TestData.firmRequest()).then().statusCode(400).contentType("application/problem+json");
        post("x".repeat(256), TestData.firmRequest()).then().statusCode(400);
    }

    @Test
    void twentyConcurrentIdenticalRequestsCreateOneRow() throws Exception {
        String key = "concurrent-" + TestData.next();
        Map<String, Object> firm = TestData.firmRequest();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return post(key, firm);
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();
        String created = null;
        int firsts = 0;
        for (Response r : responses) {
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, "status " + r.statusCode());
            if (r.statusCode() == 201) {
                if (r.header("Idempotency-Replayed") == null) {
                    firsts++;
                }
                if (created == null) {
                    created = r.asString();
                }
                assertEquals(created, r.asString(), "every 201 carries the same body");
            }
        }
        assertEquals(1, firsts, "exactly one request acted");
        Api.get("/api/v1/firms?q=" + firm.get("creditCode")).statusCode(200).body("items", hasSize(1));
        post(key, firm).then().statusCode(201).header("Idempotency-Replayed", "true");
    }

    private static Response post(String key, Map<String, Object> body) {
        return given().header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/firms");
    }
}
