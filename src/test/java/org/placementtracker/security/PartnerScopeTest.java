package org.placementtracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * A partner sees its own firm's objects and nothing else: everything at another firm answers 404
 * exactly as a missing id would, in lists, reports and cursors too, and probes change nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class PartnerScopeTest {

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
        String major = TestData.major();
        ownFirm = TestData.firm();
        otherFirm = TestData.firm();
        ownKey = Keys.create("PARTNER", ownFirm);
        ownClass = TestData.orderClass(ownFirm, major, 5);
        otherClass = TestData.orderClass(otherFirm, major, 5);
        ownRotation = TestData.rotation(ownClass, "2025-03-01", "2025-04-30");
        otherRotation = TestData.rotation(otherClass, "2025-03-01", "2025-04-30");
        ownStudent = TestData.student(major, Map.of("idNumber", TestData.idNumber(java.time.LocalDate.of(2008, 5, 14), true)));
        otherStudent = TestData.student(major);
        ownPlacement = TestData.placement(ownStudent, ownFirm, "2025-06-01", "2025-08-31");
        otherPlacement = TestData.placement(otherStudent, otherFirm, "2025-06-01", "2025-08-31");
    }

    @Test
    void seesItsOwnFirmAndWhatIsAtIt() {
        asPartner().get("/api/v1/firms/" + ownFirm).then().statusCode(200);
        asPartner().get("/api/v1/order-classes/" + ownClass).then().statusCode(200);
        asPartner().get("/api/v1/rotations/" + ownRotation).then().statusCode(200);
        asPartner().get("/api/v1/order-classes/" + ownClass + "/rotations").then().statusCode(200)
                .body("items.id", contains(ownRotation));
        asPartner().get("/api/v1/placements/" + ownPlacement).then().statusCode(200);
        asPartner().get("/api/v1/firms").then().statusCode(200).body("items.id", contains(ownFirm));
        asPartner().get("/api/v1/placements").then().statusCode(200).body("items.id", contains(ownPlacement));
    }

    @Test
    void seesOnlyAMinimalViewOfItsInterns() {
        asPartner().get("/api/v1/students/" + ownStudent).then().statusCode(200)
                .body("$", not(hasKey("idNumber"))).body("$", not(hasKey("birthDate"))).body("$", not(hasKey("phone")))
                .body("name", org.hamcrest.Matchers.notNullValue());
        asPartner().get("/api/v1/students").then().statusCode(200).body("items.id", contains(ownStudent))
                .body("items[0]", not(hasKey("idNumber")));
    }

    @Test
    void everythingAtAnotherFirmIsNotFound() {
        expectNotFound(asPartner().get("/api/v1/firms/" + otherFirm).then());
        expectNotFound(asPartner().get("/api/v1/order-classes/" + otherClass).then());
        expectNotFound(asPartner().get("/api/v1/order-classes/" + otherClass + "/rotations").then());
        expectNotFound(asPartner().get("/api/v1/rotations/" + otherRotation).then());
        expectNotFound(asPartner().get("/api/v1/placements/" + otherPlacement).then());
        expectNotFound(asPartner().get("/api/v1/students/" + otherStudent).then());
        expectNotFound(asPartner().contentType("application/json").body(Map.of("status", "ACTIVE"))
                .post("/api/v1/placements/" + otherPlacement + "/status").then());
        Api.get("/api/v1/placements/" + otherPlacement).statusCode(200).body("status", equalTo("PLANNED"));
    }

    @Test
    void filtersNamingAnotherFirmReturnNothingOfIt() {
        asPartner().get("/api/v1/placements?firmId=" + otherFirm).then().statusCode(200).body("items", empty());
        asPartner().get("/api/v1/order-classes?firmId=" + otherFirm).then().statusCode(200).body("items", empty());
        asPartner().get("/api/v1/reports/placements/yearly?from=2025&to=2025&firmId=" + otherFirm).then()
                .statusCode(200).body("totals.personTimes", equalTo(0));
        asPartner().get("/api/v1/reports/placements/yearly?from=2025&to=2025").then().statusCode(200)
                .body("totals.personTimes", equalTo(1));
        asPartner().get("/api/v1/reports/placements/by-firm").then().statusCode(200)
                .body("rows.firmId", contains(ownFirm));
    }

    @Test
    void cursorsFromAnotherCallerDoNotOpenOtherFirms() {
        for (int i = 0; i < 3; i++) {
            TestData.firm();
        }
        String adminCursor = Api.get("/api/v1/firms?limit=1").statusCode(200).extract().path("nextCursor");
        asPartner().get("/api/v1/firms?limit=1&cursor=" + adminCursor).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void movesItsOwnPlacementsButCannotCancelThem() {
        asPartner().contentType("application/json").body(Map.of("status", "CANCELLED"))
                .post("/api/v1/placements/" + ownPlacement + "/status").then().statusCode(403)
                .contentType("application/problem+json");
        asPartner().contentType("application/json").body(Map.of("status", "ACTIVE"))
                .post("/api/v1/placements/" + ownPlacement + "/status").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        asPartner().contentType("application/json").body(Map.of("status", "TERMINATED", "reason", "实习生离职"))
                .post("/api/v1/placements/" + ownPlacement + "/status").then().statusCode(200)
                .body("status", equalTo("TERMINATED"));
    }

    @Test
    void mayNotWriteAnythingElse() {
        asPartner().contentType("application/merge-patch+json").body("{\"name\": \"改名\"}")
                .patch("/api/v1/firms/" + ownFirm).then().statusCode(403).contentType("application/problem+json");
        asPartner().get("/api/v1/order-classes/" + ownClass + "/members").then().statusCode(403);
        asPartner().get("/api/v1/majors").then().statusCode(403);
    }

    @Test
    void tokensFromTheIdentityProviderCarryTheFirm() {
        String token = org.placementtracker.support.TestCredentials.token("hr-system", "PARTNER", ownFirm);
        given().header("Authorization", "Bearer " + token).get("/api/v1/placements").then().statusCode(200)
                .body("items.id", contains(ownPlacement));
        expectNotFound(given().header("Authorization", "Bearer " + token).get("/api/v1/placements/" + otherPlacement)
                .then());
    }

    private io.restassured.specification.RequestSpecification asPartner() {
        return given().header("Authorization", Keys.bearer(ownKey));
    }

    private static void expectNotFound(ValidatableResponse response) {
        response.statusCode(404).contentType("application/problem+json").body("type", endsWith("/not-found"));
    }
}
