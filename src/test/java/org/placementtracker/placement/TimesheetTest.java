package org.placementtracker.placement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestCredentials;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/** Weeks of hours from partner firms' HR systems: one per week, replaced when sent again, scoped to the firm. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
public class TimesheetTest {

    /** A week of eight-hour days, Monday to Friday. */
    public static Map<String, Object> week(String monday) {
        Map<String, Object> week = new LinkedHashMap<>();
        week.put("weekStart", monday);
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
            week.put(day, 8);
        }
        week.put("saturday", 0);
        week.put("sunday", 0);
        return week;
    }

    private static String placement(String firm) {
        return TestData.placement(TestData.student(TestData.major()), firm, "2025-03-01", "2025-04-30");
    }

    @Test
    void aWeekIsReportedOnceAndReplacedWhenSentAgain() {
        String placement = placement(TestData.firm());
        String path = "/api/v1/placements/" + placement + "/timesheets";
        Api.post(path, week("2025-03-03")).statusCode(201).body("weekStart", equalTo("2025-03-03"));
        Map<String, Object> corrected = week("2025-03-03");
        corrected.put("friday", 6.5);
        Api.post(path, corrected).statusCode(200).body("friday", equalTo(6.5f));
        Api.post(path, week("2025-02-24")).statusCode(201);
        Api.get(path).statusCode(200).body("items.weekStart", contains("2025-02-24", "2025-03-03"));
    }

    @Test
    void aWeekMustBeAMondayInThePlacementWithPartsWithinItsHours() {
        String path = "/api/v1/placements/" + placement(TestData.firm()) + "/timesheets";
        Api.post(path, week("2025-03-04")).statusCode(400).body("errors[0].field", equalTo("weekStart"));
        Api.post(path, week("2025-05-05")).statusCode(400).body("errors[0].field", equalTo("weekStart"));
        Map<String, Object> tooMuchNight = week("2025-03-03");
        tooMuchNight.put("nightHours", 41);
        Api.post(path, tooMuchNight).statusCode(400).body("errors[0].field", equalTo("nightHours"));
        Map<String, Object> longDay = week("2025-03-03");
        longDay.put("monday", 24.5);
        Api.post(path, longDay).statusCode(400).body("errors[0].field", equalTo("monday"));
        Api.get(path).statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aPartnerReportsHoursOfItsOwnPlacementsOnly() {
        String own = TestData.firm();
        String other = TestData.firm();
        String token = "Bearer " + TestCredentials.token("hr-" + TestData.next(), "PARTNER", own);
        given().header("Authorization", token)
                .contentType("application/json")
                .body(week("2025-03-03"))
                .post("/api/v1/placements/" + placement(own) + "/timesheets")
                .then()
                .statusCode(201);
        given().header("Authorization", token)
                .contentType("application/json")
                .body(week("2025-03-03"))
                .post("/api/v1/placements/" + placement(other) + "/timesheets")
                .then()
                .statusCode(404)
                .body("type", endsWith("/not-found"));
    }

    @Test
    void weeksAreImportedFromCsvNamingTheirPlacement() {
        String placement = placement(TestData.firm());
        String csv = "placementId,weekStart,monday,tuesday,wednesday,thursday,friday,saturday,sunday,nightHours\n"
                + placement + ",2025-03-03,8,8,8,8,8,0,0,2\n"
                + placement + ",2025-03-10,8,8,8,8,8,4,0,0\n"
                + placement + ",2025-03-03,8,8,8,8,7,0,0,0\n";
        given().contentType("text/csv")
                .body(csv)
                .post("/api/v1/timesheets/batch")
                .then()
                .statusCode(200)
                .body("status", contains("created", "created", "updated"));
        Api.get("/api/v1/placements/" + placement + "/timesheets")
                .statusCode(200)
                .body("items.weekStart", contains("2025-03-03", "2025-03-10"))
                .body("items[0].friday", equalTo(7.0f))
                .body("items[0].nightHours", equalTo(0.0f));
    }
}
