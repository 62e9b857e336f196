package org.placementtracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.ReportText;
import org.placementtracker.support.TestCredentials;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * A partner sees its own firm's objects and nothing else: everything at another firm answers 404
 * exactly as a missing id would, in lists, reports and cursors too, and probes change nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class PartnerScopeTest {

    private static final String YEARLY = "/api/v1/reports/placements/yearly";
    private static final String BY_FIRM = "/api/v1/reports/placements/by-firm";

    private String major;
    private String ownFirm;
    private String otherFirm;
    private String ownKey;
    private String ownClass;
    private String otherClass;
    private String ownRotation;
    private String otherRotation;
    private String ownPlacement;
    private String otherPlacement;
    private String ownStudent;
    private String otherStudent;

    @BeforeEach
    void twoFirmsWithTheirOwnData() {
        major = TestData.major();
        ownFirm = TestData.firm();
        otherFirm = TestData.firm();
        ownKey = Keys.create("PARTNER", ownFirm);
        ownClass = TestData.orderClass(ownFirm, major, 5);
        otherClass = TestData.orderClass(otherFirm, major, 5);
        ownRotation = TestData.rotation(ownClass, "2025-03-01", "2025-04-30");
        otherRotation = TestData.rotation(otherClass, "2025-03-01", "2025-04-30");
        ownStudent = TestData.student(major, Map.of("idNumber", TestData.idNumber(LocalDate.of(2008, 5, 14), true)));
        otherStudent = TestData.student(major);
        ownPlacement = TestData.placement(ownStudent, ownFirm, "2025-06-01", "2025-08-31");
        otherPlacement = TestData.placement(otherStudent, otherFirm, "2025-06-01", "2025-08-31");
    }

    @Test
    void seesItsOwnFirmAndWhatIsAtIt() {
        asPartner().get("/api/v1/firms/" + ownFirm).then().statusCode(200);
        asPartner().get("/api/v1/order-classes/" + ownClass).then().statusCode(200);
        asPartner().get("/api/v1/rotations/" + ownRotation).then().statusCode(200);
        asPartner()
                .get("/api/v1/order-classes/" + ownClass + "/rotations")
                .then()
                .statusCode(200)
                .body("items.id", contains(ownRotation));
        asPartner().get("/api/v1/placements/" + ownPlacement).then().statusCode(200);
        asPartner().get("/api/v1/firms").then().statusCode(200).body("items.id", contains(ownFirm));
        asPartner().get("/api/v1/placements").then().statusCode(200).body("items.id", contains(ownPlacement));
    }

    @Test
    void seesOnlyAMinimalViewOfItsInterns() {
        asPartner()
                .get("/api/v1/students/" + ownStudent)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("idNumber")))
                .body("$", not(hasKey("birthDate")))
                .body("$", not(hasKey("phone")))
                .body("name", Matchers.notNullValue());
        asPartner()
                .get("/api/v1/students")
                .then()
                .statusCode(200)
                .body("items.id", contains(ownStudent))
                .body("items[0]", not(hasKey("idNumber")));
    }

    @Test
    void everythingAtAnotherFirmIsNotFound() {
        expectNotFound(asPartner().get("/api/v1/firms/" + otherFirm).then());
        expectNotFound(asPartner().get("/api/v1/order-classes/" + otherClass).then());
        expectNotFound(asPartner()
                .get("/api/v1/order-classes/" + otherClass + "/rotations")
                .then());
        expectNotFound(asPartner().get("/api/v1/rotations/" + otherRotation).then());
        expectNotFound(asPartner().get("/api/v1/placements/" + otherPlacement).then());
        expectNotFound(asPartner().get("/api/v1/students/" + otherStudent).then());
        expectNotFound(asPartner()
                .contentType("application/json")
                .body(Map.of("status", "ACTIVE"))
                .post("/api/v1/placements/" + otherPlacement + "/status")
                .then());
        Api.get("/api/v1/placements/" + otherPlacement).statusCode(200).body("status", equalTo("PLANNED"));
    }

    @Test
    void filtersNamingAnotherFirmReturnNothingOfIt() {
        asPartner()
                .get("/api/v1/placements?firmId=" + otherFirm)
                .then()
                .statusCode(200)
                .body("items", empty());
        asPartner()
                .get("/api/v1/order-classes?firmId=" + otherFirm)
                .then()
                .statusCode(200)
                .body("items", empty());
        asPartner().get(YEARLY + "?from=2025&to=2025").then().statusCode(200).body("totals.personTimes", equalTo(1));
        asPartner().get(BY_FIRM).then().statusCode(200).body("rows.firmId", contains(ownFirm));
    }

    @Test
    void reportFiltersNamingAnythingOutsideItsFirmAreNotFoundInEveryFormat() {
        String otherFirmName = Api.get("/api/v1/firms/" + otherFirm).extract().path("name");
        String otherClassName =
                Api.get("/api/v1/order-classes/" + otherClass).extract().path("name");
        String unknownFirm = UUID.randomUUID().toString();
        String unknownClass = UUID.randomUUID().toString();
        List<String> outside = List.of(
                "firmId=" + otherFirm,
                "orderClassId=" + otherClass,
                "firmId=" + ownFirm + "&orderClassId=" + otherClass,
                "firmId=" + unknownFirm,
                "orderClassId=" + unknownClass,
                "majorCode=" + TestData.majorCode(),
                "firmId=" + otherFirm + "&groupBy=orderClass&type=WORK_STUDY");
        for (String format : ReportText.FORMATS) {
            for (String filter : outside) {
                String body = asPartner()
                        .get(YEARLY + "?from=2024&to=2025&format=" + format + "&" + filter)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("type", endsWith("/not-found"))
                        .extract()
                        .asString();
                assertFalse(body.contains(otherFirmName) || body.contains(otherClassName), format + " " + filter);
            }
        }
        // Chosen by Accept rather than format=, the answer is the same problem.
        asPartner()
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get(YEARLY + "?firmId=" + otherFirm)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asPartner()
                .accept("text/csv")
                .get(YEARLY + "?orderClassId=" + otherClass)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // Another firm's object and a missing one are told apart by nothing but the id the caller sent.
        assertEquals(
                notFoundBody(YEARLY + "?firmId=" + unknownFirm).replace(unknownFirm, "ID"),
                notFoundBody(YEARLY + "?firmId=" + otherFirm).replace(otherFirm, "ID"));
        assertEquals(
                notFoundBody(YEARLY + "?format=svg&orderClassId=" + unknownClass)
                        .replace(unknownClass, "ID"),
                notFoundBody(YEARLY + "?format=svg&orderClassId=" + otherClass).replace(otherClass, "ID"));
    }

    /**
     * The other firm's order class also ran a rotation at the partner's firm, so placements the
     * partner may count belong to a class the partner may not see: they are counted, under a neutral
     * label, and no report in any format or with any filter names the other firm or its class.
     */
    @Test
    void reportsNeverNameAnotherFirmOrItsOrderClasses() {
        String visitor = TestData.student(major);
        TestData.member(otherClass, visitor);
        String rotationAtOwnFirm = TestData.created(
                "/api/v1/order-classes/" + otherClass + "/rotations",
                Map.of("firmId", ownFirm, "site", "总装车间", "startDate", "2024-03-04", "endDate", "2024-04-26"));
        Api.post("/api/v1/rotations/" + rotationAtOwnFirm + "/dispatch", Map.of())
                .statusCode(200)
                .body("created", Matchers.hasSize(1));
        String ownMember = TestData.student(major);
        TestData.member(ownClass, ownMember);
        Map<String, Object> inOwnClass = TestData.placementRequest(ownMember, ownFirm, "2024-09-02", "2024-10-31");
        inOwnClass.put("type", "WORK_STUDY");
        inOwnClass.put("orderClassId", ownClass);
        TestData.created("/api/v1/placements", inOwnClass);

        String ownFirmName = Api.get("/api/v1/firms/" + ownFirm).extract().path("name");
        String ownClassName =
                Api.get("/api/v1/order-classes/" + ownClass).extract().path("name");
        List<String> hidden = List.of(
                otherFirm,
                otherClass,
                Api.get("/api/v1/firms/" + otherFirm).extract().path("name"),
                Api.get("/api/v1/order-classes/" + otherClass).extract().path("name"));
        List<String> queries = List.of(
                YEARLY + "?from=2024&to=2025",
                YEARLY + "?from=2024&to=2025&firmId=" + ownFirm,
                YEARLY + "?from=2024&to=2025&orderClassId=" + ownClass,
                YEARLY + "?from=2024&to=2025&majorCode=" + major,
                YEARLY + "?from=2024&to=2025&type=WORK_STUDY",
                YEARLY + "?from=2024&to=2025&groupBy=firm",
                YEARLY + "?from=2024&to=2025&groupBy=major",
                YEARLY + "?from=2024&to=2025&groupBy=orderClass",
                YEARLY + "?from=2024&to=2025&groupBy=type",
                YEARLY + "?from=2024&to=2025&groupBy=orderClass&type=WORK_STUDY&majorCode=" + major,
                YEARLY + "?from=2024&to=2025&groupBy=firm&firmId=" + ownFirm + "&yearBasis=academic",
                BY_FIRM,
                BY_FIRM + "?from=2024&to=2025");
        for (String format : ReportText.FORMATS) {
            for (String query : queries) {
                ExtractableResponse<?> answer = asPartner()
                        .get(query + (query.contains("?") ? "&" : "?") + "format=" + format)
                        .then()
                        .statusCode(200)
                        .extract();
                String text = ReportText.of(format, answer.asByteArray());
                if (!format.equals("json")) {
                    text += "\n" + ReportText.fileName(answer.header("Content-Disposition"));
                }
                for (String secret : hidden) {
                    assertFalse(text.contains(secret), format + " " + query + " shows " + secret + ":\n" + text);
                }
            }
            if (!format.equals("json")) {
                assertTrue(
                        ReportText.fileName(asPartner()
                                        .get(YEARLY + "?format=" + format)
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .header("Content-Disposition"))
                                .contains(ownFirmName),
                        "named after its own firm");
            }
            // The search does find names where they belong, so its silence above means something.
            String ownClasses = ReportText.of(
                    format,
                    asPartner()
                            .get(YEARLY + "?from=2024&to=2025&groupBy=orderClass" + "&format=" + format)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asByteArray());
            assertTrue(ownClasses.contains(ownClassName), format + ":\n" + ownClasses);
            assertTrue(ownClasses.contains("Order class of another firm"), format + ":\n" + ownClasses);
            if (format.equals("xlsx") || format.equals("svg")) {
                assertTrue(ownClasses.contains(ownFirmName), format + " is titled with the partner's own firm");
            }
        }

        JsonPath grouped = new JsonPath(asPartner()
                .get(YEARLY + "?from=2024&to=2025&groupBy=orderClass")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(1, grouped.getInt("rows.find { it.year == 2024 && it.key == 'other' }.personTimes"));
        assertEquals(
                "（其他企业的订单班）Order class of another firm", grouped.getString("rows.find { it.key == 'other' }.label"));
        assertEquals(1, grouped.getInt("rows.find { it.year == 2024 && it.key == '" + ownClass + "' }.personTimes"));
        assertEquals(ownClassName, grouped.getString("rows.find { it.key == '" + ownClass + "' }.label"));
        assertEquals(1, grouped.getInt("rows.find { it.year == 2025 && it.key == 'none' }.personTimes"));
        assertEquals(3, grouped.getInt("totals.personTimes"));
        // Staff see the class by its name.
        Api.get(YEARLY + "?from=2024&to=2025&groupBy=orderClass&firmId=" + ownFirm)
                .statusCode(200)
                .body("rows.find { it.key == '" + otherClass + "' }.label", equalTo(hidden.get(3)));
    }

    @Test
    void cursorsFromAnotherCallerDoNotOpenOtherFirms() {
        for (int i = 0; i < 3; i++) {
            TestData.firm();
        }
        String adminCursor =
                Api.get("/api/v1/firms?limit=1").statusCode(200).extract().path("nextCursor");
        asPartner()
                .get("/api/v1/firms?limit=1&cursor=" + adminCursor)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void movesItsOwnPlacementsButCannotCancelThem() {
        asPartner()
                .contentType("application/json")
                .body(Map.of("status", "CANCELLED"))
                .post("/api/v1/placements/" + ownPlacement + "/status")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        asPartner()
                .contentType("application/json")
                .body(Map.of("status", "ACTIVE"))
                .post("/api/v1/placements/" + ownPlacement + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        asPartner()
                .contentType("application/json")
                .body(Map.of("status", "TERMINATED", "reason", "实习生离职"))
                .post("/api/v1/placements/" + ownPlacement + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("TERMINATED"));
    }

    @Test
    void mayNotWriteAnythingElse() {
        asPartner()
                .contentType("application/merge-patch+json")
                .body("{\"name\": \"改名\"}")
                .patch("/api/v1/firms/" + ownFirm)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        asPartner().get("/api/v1/order-classes/" + ownClass + "/members").then().statusCode(403);
        asPartner().get("/api/v1/majors").then().statusCode(403);
    }

    @Test
    void tokensFromTheIdentityProviderCarryTheFirm() {
        String token = TestCredentials.token("hr-system", "PARTNER", ownFirm);
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/placements")
                .then()
                .statusCode(200)
                .body("items.id", contains(ownPlacement));
        expectNotFound(given().header("Authorization", "Bearer " + token)
                .get("/api/v1/placements/" + otherPlacement)
                .then());
    }

    private String notFoundBody(String path) {
        return asPartner().get(path).then().statusCode(404).extract().asString();
    }

    private RequestSpecification asPartner() {
        return given().header("Authorization", Keys.bearer(ownKey));
    }

    private static void expectNotFound(ValidatableResponse response) {
        response.statusCode(404).contentType("application/problem+json").body("type", endsWith("/not-found"));
    }
}
