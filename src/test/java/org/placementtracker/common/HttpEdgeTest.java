package org.placementtracker.common;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.RawHttp;
import org.placementtracker.support.TestCredentials;
import org.placementtracker.support.TestDatabase;

/** What the HTTP layer refuses is answered like every other error: problem details. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class HttpEdgeTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ADMIN = "Authorization: Bearer " + TestCredentials.ADMIN_KEY;

    private static void isProblem(RawHttp.Answer answer, int status, String slug) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(PROBLEM, answer.header("Content-Type"));
        assertThat(answer.body(), containsString("/problems/" + slug + "\""));
    }

    @Test
    void aLongRequestTargetIs414() {
        isProblem(RawHttp.send("GET", "/api/v1/students?q=" + "x".repeat(9000), null, ADMIN), 414, "uri-too-long");
    }

    @Test
    void largeHeadersAre431() {
        isProblem(
                RawHttp.send("GET", "/api/v1/firms", null, ADMIN, "X-Padding: " + "x".repeat(17_000)),
                431,
                "headers-too-large");
    }

    @Test
    void aForeignOriginIs403AndTheServicesOwnIsServed() {
        isProblem(
                RawHttp.send("GET", "/api/v1/firms", null, ADMIN, "Origin: https://evil.example"),
                403,
                "origin-not-allowed");
        assertEquals(
                200,
                RawHttp.send("GET", "/api/v1/firms", null, ADMIN, "Origin: http://localhost:" + RestAssured.port)
                        .status());
    }

    @Test
    void headIsGetWithoutABody() {
        RawHttp.Answer head = RawHttp.send("HEAD", "/api/v1/firms", null, ADMIN);
        assertEquals(200, head.status());
        assertThat(head.body(), emptyString());
        RawHttp.Answer refused = RawHttp.send("HEAD", "/api/v1/firms", null);
        assertEquals(401, refused.status());
        assertEquals(PROBLEM, refused.header("Content-Type"));
    }

    @Test
    void twoAuthorizationHeadersAre401() {
        isProblem(RawHttp.send("GET", "/api/v1/firms", null, ADMIN, ADMIN), 401, "unauthenticated");
        isProblem(
                RawHttp.send("GET", "/api/v1/firms", null, ADMIN, "Authorization: Bearer ptk_nobody"),
                401,
                "unauthenticated");
    }

    @Test
    void theSchemeNameIsCaseInsensitive() {
        assertEquals(
                200,
                RawHttp.send("GET", "/api/v1/firms", null, "Authorization: bearer " + TestCredentials.ADMIN_KEY)
                        .status());
    }

    @Test
    void apiAnswersAreNeverStored() {
        RawHttp.Answer ok = RawHttp.send("GET", "/api/v1/firms", null, ADMIN);
        assertEquals("no-store", ok.header("Cache-Control"));
        RawHttp.Answer problem = RawHttp.send("GET", "/api/v1/firms/nope", null, ADMIN);
        assertEquals(404, problem.status());
        assertEquals("no-store", problem.header("Cache-Control"));
    }
}
