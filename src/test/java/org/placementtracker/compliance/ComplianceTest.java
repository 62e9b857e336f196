package org.placementtracker.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestCredentials;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * The rules through the API, with some in BLOCK mode: refused writes save nothing and name every
 * breach; warned ones save and show it until the data is fixed; the share rules count every
 * overlapping placement on every day, also when two writers cross the line at the same moment.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ComplianceTest.SomeRulesBlock.class)
class ComplianceTest {

    public static class SomeRulesBlock implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "pt.compliance.default-mode",
                    "WARN",
                    "pt.compliance.rules",
                    "min-age-16=BLOCK, firm-share-10=BLOCK,agreement-before-start=BLOCK");
        }
    }

    /** Placements start after this day, so documents are not due unless a placement is made active. */
    private static final LocalDate START = LocalDate.now().plusDays(100);

    private static String day(int offset) {
        return START.plusDays(offset).toString();
    }

    private static Map<String, Object> internship(String student, String firm, int first, int last) {
        return TestData.placementRequest(student, firm, day(first), day(last));
    }

    private static String firm(int headcount) {
        Map<String, Object> firm = TestData.firmRequest();
        firm.put("headcount", headcount);
        return TestData.created("/api/v1/firms", firm);
    }

    @Test
    void theRulesAndTheirModesAreListed() {
        Api.get("/api/v1/compliance/rules")
                .statusCode(200)
                .body("find { it.rule == 'min-age-16' }.mode", equalTo("BLOCK"))
                .body("find { it.rule == 'min-age-16' }.article", equalTo("Art. 16(2)"))
                .body("find { it.rule == 'pay-80-percent' }.mode", equalTo("WARN"));
    }

    @Test
    void aBlockedRuleRefusesTheWriteNamingEveryBreachAndSavesNothing() {
        String major = TestData.major();
        String student = TestData.student(
                major, Map.of("birthDate", START.minusYears(16).plusDays(1).toString(), "cohortYear", 2020));
        String firm = TestData.firm();
        Map<String, Object> body = internship(student, firm, 0, 90);
        body.put("monthlyPay", 100);
        Api.post("/api/v1/placements", body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/compliance-breach"))
                .body("breaches.rule", contains("min-age-16"))
                .body("breaches[0].article", equalTo("Art. 16(2)"))
                .body("breaches[0].detail", equalTo("the student is under 16 on the first day, " + day(0)));
        Api.get("/api/v1/placements?studentId=" + student).statusCode(200).body("items", empty());
        Api.get("/api/v1/compliance/breaches?firmId=" + firm).statusCode(200).body("items", empty());

        // Sixteen on the first day: saved.
        String older =
                TestData.student(major, Map.of("birthDate", START.minusYears(16).toString(), "cohortYear", 2020));
        Api.post("/api/v1/placements", internship(older, firm, 0, 90)).statusCode(201);
    }

    @Test
    void aWarnedRuleSavesAndShowsTheBreachUntilTheDataIsFixed() {
        String major = TestData.major();
        String student = TestData.student(major, Map.of("cohortYear", 2020));
        String firm = TestData.firm();
        Map<String, Object> body = internship(student, firm, 0, 90);
        body.put("insurancePolicyNo", "PICC-2025-1");
        body.put("insuranceFrom", day(0));
        body.put("insuranceTo", day(89));
        String id = Api.post("/api/v1/placements", body)
                .statusCode(201)
                .body("compliance.rule", hasItem("insurance-coverage"))
                .body("compliance.find { it.rule == 'insurance-coverage' }.status", equalTo("WARN"))
                .body(
                        "compliance.find { it.rule == 'insurance-coverage' }.detail",
                        equalTo("insurance covers " + day(0) + " to " + day(89) + ", not every day from " + day(0)
                                + " to " + day(90)))
                .extract()
                .path("id");
        Api.get("/api/v1/compliance/breaches?rule=insurance-coverage&firmId=" + firm)
                .statusCode(200)
                .body("items.placementId", contains(id))
                .body("items[0].status", equalTo("open"))
                .body("items[0].mode", equalTo("WARN"));

        Api.patch("/api/v1/placements/" + id, Map.of("insuranceTo", day(90)))
                .statusCode(200)
                .body("compliance.rule", everyItem(org.hamcrest.Matchers.not("insurance-coverage")));
        Api.get("/api/v1/compliance/breaches?rule=insurance-coverage&firmId=" + firm)
                .statusCode(200)
                .body("items", empty());
        Api.get("/api/v1/compliance/breaches?status=resolved&rule=insurance-coverage&firmId=" + firm)
                .statusCode(200)
                .body("items.placementId", contains(id))
                .body("items[0].resolvedAt", notNullValue());
    }

    @Test
    void tenPercentOfTheFirmHoldsOnEveryDayOfOverlappingPlacements() {
        String major = TestData.major();
        String firm = firm(20); // at most 2 post interns on any day
        List<String> students = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            students.add(TestData.student(major, Map.of("cohortYear", 2020)));
        }
        Api.post("/api/v1/placements", internship(students.get(0), firm, 0, 30)).statusCode(201);
        Api.post("/api/v1/placements", internship(students.get(1), firm, 20, 50))
                .statusCode(201);
        // Overlaps the second only: two on days 40-50.
        Api.post("/api/v1/placements", internship(students.get(2), firm, 40, 60))
                .statusCode(201);
        // A third on days 45-46.
        Api.post("/api/v1/placements", internship(students.get(3), firm, 45, 46))
                .statusCode(422)
                .body("breaches.rule", contains("firm-share-10"))
                .body(
                        "breaches[0].detail",
                        equalTo("3 post interns on " + day(45)
                                + ", more than 10% of the firm's on-post staff (20; at most 2)"));
        // After the second has ended: two again.
        Api.post("/api/v1/placements", internship(students.get(4), firm, 51, 52))
                .statusCode(201);
        // Other types do not count as post interns.
        Map<String, Object> visit = internship(students.get(3), firm, 45, 46);
        visit.put("type", "COGNITIVE");
        Api.post("/api/v1/placements", visit).statusCode(201);
    }

    @Test
    void twoWritersCrossingTheLineAtTheSameMomentOneSucceeds() throws Exception {
        String major = TestData.major();
        String firm = firm(10); // one post intern at a time
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            bodies.add(internship(TestData.student(major, Map.of("cohortYear", 2020)), firm, 0, 30));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                Callable<Integer> create = () -> {
                    go.await();
                    return Api.post("/api/v1/placements", body).extract().statusCode();
                };
                answers.add(pool.submit(create));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            Collections.sort(statuses);
            assertEquals(List.of(201, 422), statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noAgreementNoInternship() {
        String major = TestData.major();
        String student = TestData.student(major, Map.of("cohortYear", 2020));
        String firm = TestData.firm();
        // Planned ahead without an agreement: nothing is due yet.
        String id = Api.post("/api/v1/placements", internship(student, firm, 0, 90))
                .statusCode(201)
                .body("compliance.rule", everyItem(org.hamcrest.Matchers.not("agreement-before-start")))
                .extract()
                .path("id");
        Api.post("/api/v1/placements/" + id + "/status", Map.of("status", "ACTIVE"))
                .statusCode(422)
                .body("breaches.rule", contains("agreement-before-start"));
        Api.get("/api/v1/placements/" + id).statusCode(200).body("status", equalTo("PLANNED"));
        Api.patch("/api/v1/placements/" + id, Map.of("agreementRef", "XY-1", "agreementSignedOn", day(-10)))
                .statusCode(200);
        Api.post("/api/v1/placements/" + id + "/status", Map.of("status", "ACTIVE"))
                .statusCode(200);
        // Cancelling is never refused, and resolves what the placement broke.
        String other = Api.post(
                        "/api/v1/placements",
                        internship(TestData.student(major, Map.of("cohortYear", 2020)), firm, 0, 10))
                .statusCode(201)
                .extract()
                .path("id");
        TestData.placementStatus(other, "CANCELLED");
        Api.get("/api/v1/placements/" + other).body("compliance", empty());
    }

    @Test
    void aBatchNamesTheRowThatBreaksABlockedRule() {
        String major = TestData.major();
        String firm = TestData.firm();
        String adult = TestData.student(major, Map.of("cohortYear", 2020));
        String young =
                TestData.student(major, Map.of("birthDate", START.minusYears(15).toString(), "cohortYear", 2020));
        given().contentType(ContentType.JSON)
                .body(List.of(internship(adult, firm, 0, 30), internship(young, firm, 0, 30)))
                .post("/api/v1/placements/batch")
                .then()
                .statusCode(422)
                .body("errors.field", contains("rows[1]"))
                .body("breaches[0].row", equalTo(1))
                .body("breaches[0].rule", equalTo("min-age-16"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("min-age-16"));
        Api.get("/api/v1/placements?studentId=" + adult).statusCode(200).body("items", empty());
    }

    @Test
    void aPartnerSeesItsOwnFirmsBreachesOnly() {
        String major = TestData.major();
        String own = TestData.firm();
        String other = TestData.firm();
        for (String firm : List.of(own, other)) {
            Map<String, Object> body = internship(TestData.student(major, Map.of("cohortYear", 2020)), firm, 0, 30);
            body.put("overtime", true);
            Api.post("/api/v1/placements", body).statusCode(201).body("compliance.rule", hasItem("working-time"));
        }
        String token = TestCredentials.token("hr-" + TestData.next(), "PARTNER", own);
        List<String> firms = given().header("Authorization", "Bearer " + token)
                .get("/api/v1/compliance/breaches?rule=working-time&limit=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items.firmId");
        assertEquals(List.of(own), firms.stream().distinct().toList());
    }

    @Test
    void aDispatchIsRefusedWhenAMembersPlacementBreaksABlockedRule() {
        String major = TestData.major();
        String firm = TestData.firm();
        String orderClass = TestData.orderClass(firm, major, 5);
        TestData.member(orderClass, TestData.student(major, Map.of("cohortYear", 2020)));
        // Started already: the agreement is due and nobody has one.
        String started =
                TestData.rotation(orderClass, LocalDate.now().minusDays(5).toString(), day(-50));
        Api.json()
                .post("/api/v1/rotations/" + started + "/dispatch")
                .then()
                .statusCode(422)
                .body("breaches.rule", contains("agreement-before-start"))
                .body("detail", org.hamcrest.Matchers.startsWith("The placement of student "));
        Api.get("/api/v1/placements?orderClassId=" + orderClass).statusCode(200).body("items", empty());
        // Ahead of time nothing is due yet.
        String ahead = TestData.rotation(orderClass, day(0), day(60));
        Api.json()
                .post("/api/v1/rotations/" + ahead + "/dispatch")
                .then()
                .statusCode(200)
                .body("created.size()", equalTo(1));
    }

    @Test
    void aPartnerStartingAPlacementRecordsWhatItBreaks() {
        String major = TestData.major();
        String firm = TestData.firm();
        Map<String, Object> body = internship(TestData.student(major, Map.of("cohortYear", 2020)), firm, 0, 30);
        body.put("agreementRef", "XY-9");
        body.put("agreementSignedOn", day(-3));
        String id = TestData.created("/api/v1/placements", body);
        String token = "Bearer " + TestCredentials.token("hr-" + TestData.next(), "PARTNER", firm);
        given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "ACTIVE"))
                .post("/api/v1/placements/" + id + "/status")
                .then()
                .statusCode(200)
                .body("compliance.rule", hasItem("insurance-coverage"));
        given().header("Authorization", token)
                .get("/api/v1/compliance/breaches?rule=insurance-coverage")
                .then()
                .statusCode(200)
                .body("items.placementId", contains(id));
    }

    @Test
    void laterChangesKeepTheBreachListCurrent() {
        String major = TestData.major();
        Map<String, Object> firmBody = TestData.firmRequest();
        firmBody.put("posts", List.of(Map.of("name", "总装车间装配工", "staff", 5)));
        String firm = TestData.created("/api/v1/firms", firmBody);
        String first = TestData.created(
                "/api/v1/placements", internship(TestData.student(major, Map.of("cohortYear", 2020)), firm, 0, 30));
        // A second in the same post (5 staff: one intern is 20%) is warned about.
        String second = Api.post(
                        "/api/v1/placements",
                        internship(TestData.student(major, Map.of("cohortYear", 2020)), firm, 10, 40))
                .statusCode(201)
                .body("compliance.rule", contains("post-share-20"))
                .extract()
                .path("id");
        // The first is cancelled: the second breaks nothing any more.
        TestData.placementStatus(first, "CANCELLED");
        Api.get("/api/v1/placements/" + second).statusCode(200).body("compliance", empty());
        Api.get("/api/v1/compliance/breaches?status=resolved&rule=post-share-20&firmId=" + firm)
                .statusCode(200)
                .body("items.placementId", contains(second));

        // The firm's staff drops: its placements to come break the 10% rule, shown with its mode.
        Api.patch("/api/v1/firms/" + firm, Map.of("headcount", 5)).statusCode(200);
        Api.get("/api/v1/placements/" + second)
                .statusCode(200)
                .body("compliance.rule", contains("firm-share-10"))
                .body("compliance[0].status", equalTo("BLOCK"));
        Api.get("/api/v1/compliance/breaches?rule=firm-share-10&firmId=" + firm)
                .statusCode(200)
                .body("items.placementId", contains(second));
        // Its data can still be corrected: a change that adds no breach of a BLOCK rule is not refused.
        Api.patch("/api/v1/placements/" + second, Map.of("agreementRef", "XY-2", "agreementSignedOn", day(0)))
                .statusCode(200)
                .body("compliance.rule", contains("firm-share-10"));
    }

    @Test
    void aTimesheetWithANightHourForAMinorIsABreach() {
        String major = TestData.major();
        String firm = TestData.firm();
        // Seventeen on the first day.
        String student =
                TestData.student(major, Map.of("birthDate", START.minusYears(17).toString(), "cohortYear", 2020));
        Map<String, Object> body = internship(student, firm, 0, 30);
        body.put("dailyHours", 8);
        String id = Api.post("/api/v1/placements", body)
                .statusCode(201)
                .body("compliance.rule", everyItem(org.hamcrest.Matchers.not("minor-hours")))
                .extract()
                .path("id");
        LocalDate monday = START.with(java.time.DayOfWeek.MONDAY).plusWeeks(1);
        Map<String, Object> week = org.placementtracker.placement.TimesheetTest.week(monday.toString());
        week.put("nightHours", 1);
        String token = "Bearer " + TestCredentials.token("hr-" + TestData.next(), "PARTNER", firm);
        given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(week)
                .post("/api/v1/placements/" + id + "/timesheets")
                .then()
                .statusCode(201);
        Api.get("/api/v1/placements/" + id)
                .statusCode(200)
                .body(
                        "compliance.find { it.rule == 'minor-hours' }.detail",
                        equalTo("the timesheet of the week of " + monday + " reports 1 night hours for a student "
                                + "under 18"));
        // Corrected by the HR system: no night hours, no breach.
        week.put("nightHours", 0);
        given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(week)
                .post("/api/v1/placements/" + id + "/timesheets")
                .then()
                .statusCode(200);
        Api.get("/api/v1/placements/" + id)
                .statusCode(200)
                .body("compliance.rule", everyItem(org.hamcrest.Matchers.not("minor-hours")));
    }

    @Test
    void theComplianceReportCountsBreachesPerYearAndRuleInEveryFormat() {
        String major = TestData.major();
        String firm = TestData.firm();
        int year = START.getYear();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body =
                    internship(TestData.student(major, Map.of("cohortYear", 2020)), firm, 10 * i, 10 * i + 5);
            body.put("overtime", true);
            Api.post("/api/v1/placements", body).statusCode(201);
        }
        String path = "/api/v1/reports/compliance/yearly?from=" + year + "&to=" + year + "&firmId=" + firm;
        Api.get(path)
                .statusCode(200)
                .body("rows.find { it.rule == 'working-time' }.open", equalTo(2))
                .body("rows.find { it.rule == 'working-time' }.year", equalTo(year))
                .body("totals.find { it.rule == 'working-time' }.placements", equalTo(2));
        String csv = given().get(path + "&format=csv")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("compliance-yearly"))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(year + ",working-time,Art. 17 (inferred),2,0,2"), csv);
        byte[] xlsx = given().get(path.replace("/yearly?", "/yearly/export?") + "&format=xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
        given().get(path + "&format=svg")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("working-time"));
        // The breach list itself as a file.
        String list = given().get("/api/v1/compliance/breaches/export?format=csv&rule=working-time&firmId=" + firm)
                .then()
                .statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("compliance-breaches"))
                .extract()
                .asString();
        assertEquals(1 + 2, list.strip().split("\n").length, list);
        org.junit.jupiter.api.Assertions.assertTrue(list.contains(",working-time,Art. 17 (inferred),WARN,open,"), list);
        // Another firm's report, for a partner, is not found.
        String token = "Bearer " + TestCredentials.token("hr-" + TestData.next(), "PARTNER", TestData.firm());
        given().header("Authorization", token).get(path).then().statusCode(404);
    }

    @Inject
    org.placementtracker.placement.PlacementService placements;

    @Inject
    org.placementtracker.support.TestClock clock;

    @Test
    void aPlacementPlannedWithoutDocumentsBreaksTheRulesOnItsFirstDay() {
        String major = TestData.major();
        String firm = TestData.firm();
        LocalDate soon = LocalDate.now().plusDays(2);
        Map<String, Object> body = TestData.placementRequest(
                TestData.student(major, Map.of("cohortYear", 2020)),
                firm,
                soon.toString(),
                soon.plusDays(20).toString());
        body.put("type", "WORK_STUDY");
        String id = Api.post("/api/v1/placements", body)
                .statusCode(201)
                .body("compliance.rule", everyItem(org.hamcrest.Matchers.not("insurance-coverage")))
                .extract()
                .path("id");
        try {
            clock.advance(java.time.Duration.ofDays(3));
            org.junit.jupiter.api.Assertions.assertTrue(placements.checkThoseThatStarted() >= 1);
            Api.get("/api/v1/placements/" + id)
                    .statusCode(200)
                    .body("compliance.rule", hasItem("insurance-coverage"))
                    .body("compliance.rule", hasItem("agreement-before-start"));
            // Swept once a day: the next sweep of the day finds nothing new.
            assertEquals(0, placements.checkThoseThatStarted());
        } finally {
            clock.reset();
        }
    }
}
