package org.placementtracker.firm;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class FirmResourceTest {

    private static final String FIRMS = "/api/v1/firms";

    @Test
    void createsAnActiveFirm() {
        Map<String, Object> request = TestData.firmRequest();
        request.remove("headcount");

        ExtractableResponse<Response> created = Api.post(FIRMS, request)
                .statusCode(201)
                .contentType("application/json")
                .body("name", equalTo(request.get("name")))
                .body("creditCode", equalTo(request.get("creditCode")))
                .body("industry", equalTo("汽车制造"))
                .body("headcount", equalTo(0))
                .body("status", equalTo("ACTIVE"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith(FIRMS + "/" + id));

        Api.get(FIRMS + "/" + id)
                .statusCode(200)
                .body("name", equalTo(request.get("name")))
                .body("contactName", equalTo("王经理"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void acceptsTheWorkedExampleCreditCode() {
        Map<String, Object> request = TestData.firmRequest();
        request.put("creditCode", "91350100M000100Y43");
        Api.post(FIRMS, request).statusCode(201).body("creditCode", equalTo("91350100M000100Y43"));
    }

    @Test
    void rejectsACreditCodeWithAWrongCheckCharacter() {
        Map<String, Object> request = TestData.firmRequest();
        request.put("creditCode", "91350100M000100Y44");
        Api.post(FIRMS, request)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", contains("creditCode"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "O", "S", "V", "Z"})
    void rejectsACreditCodeWithALetterOutsideTheAlphabet(String letter) {
        String valid = TestData.creditCode();
        Map<String, Object> request = TestData.firmRequest();
        request.put("creditCode", valid.substring(0, 8) + letter + valid.substring(9));
        Api.post(FIRMS, request)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("creditCode"));
    }

    @Test
    void rejectsACreditCodeOfTheWrongLength() {
        Map<String, Object> request = TestData.firmRequest();
        request.put("creditCode", "91350100M000100Y4");
        Api.post(FIRMS, request)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("creditCode"));
    }

    @Test
    void rejectsADuplicateName() {
        Map<String, Object> request = TestData.firmRequest();
        Api.post(FIRMS, request).statusCode(201);
        request.put("creditCode", TestData.creditCode());
        Api.post(FIRMS, request)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/duplicate-firm-name"));
    }

    @Test
    void rejectsADuplicateCreditCode() {
        Map<String, Object> request = TestData.firmRequest();
        Api.post(FIRMS, request).statusCode(201);
        request.put("name", TestData.firmName());
        Api.post(FIRMS, request)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/duplicate-credit-code"));
    }

    @Test
    void rejectsANegativeHeadcount() {
        Map<String, Object> request = TestData.firmRequest();
        request.put("headcount", -1);
        Api.post(FIRMS, request)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", contains("headcount"));
    }

    @Test
    void filtersByTextIndustryAndStatus() {
        String industry = "精密制造" + TestData.next();
        String marker = "筛选" + TestData.next();
        String first = createFirm(Map.of("name", marker + "太平洋精工有限公司", "industry", industry));
        String second = createFirm(Map.of("name", TestData.firmName(), "industry", industry, "status", "INACTIVE"));
        String third = createFirm(Map.of("name", marker + "雅迪科技有限公司"));
        String creditCode = Api.get(FIRMS + "/" + second).extract().path("creditCode");

        Api.get(FIRMS + "?industry=" + industry).statusCode(200).body("items.id", containsInAnyOrder(first, second));
        Api.get(FIRMS + "?industry=" + industry + "&status=INACTIVE")
                .statusCode(200)
                .body("items.id", contains(second));
        Api.get(FIRMS + "?industry=" + industry + "&status=ACTIVE")
                .statusCode(200)
                .body("items.id", contains(first));
        Api.get(FIRMS + "?q=" + marker).statusCode(200).body("items.id", containsInAnyOrder(first, third));
        Api.get(FIRMS + "?q=" + creditCode.toLowerCase()).statusCode(200).body("items.id", contains(second));
        Api.get(FIRMS + "?q=" + marker + "&industry=" + industry)
                .statusCode(200)
                .body("items.id", contains(first));
        Api.get(FIRMS + "?industry=" + industry + "不存在").statusCode(200).body("items", empty());
    }

    @Test
    void mergePatchChangesGivenFieldsAndNullRemovesTheContactPhone() {
        String id = TestData.firm();
        Api.patch(FIRMS + "/" + id, "{\"status\": \"INACTIVE\", \"contactPhone\": null, \"headcount\": 15000}")
                .statusCode(200)
                .body("status", equalTo("INACTIVE"))
                .body("contactPhone", nullValue())
                .body("headcount", equalTo(15000))
                .body("contactName", equalTo("王经理"));
        Api.get(FIRMS + "/" + id)
                .statusCode(200)
                .body("status", equalTo("INACTIVE"))
                .body("contactPhone", nullValue());
    }

    @Test
    void mergePatchKeepsNameAndCreditCodeUnique() {
        Map<String, Object> other = TestData.firmRequest();
        Api.post(FIRMS, other).statusCode(201);
        String id = TestData.firm();

        Api.patch(FIRMS + "/" + id, Map.of("name", other.get("name")))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/duplicate-firm-name"));
        Api.patch(FIRMS + "/" + id, Map.of("creditCode", other.get("creditCode")))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/duplicate-credit-code"));
        Api.patch(FIRMS + "/" + id, "{\"headcount\": -1}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("headcount"));
    }

    @Test
    void deletesAnUnusedFirm() {
        String id = TestData.firm();
        Api.delete(FIRMS + "/" + id).statusCode(204);
        Api.get(FIRMS + "/" + id)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-found"));
    }

    @Test
    void refusesToDeleteAFirmWithAnOrderClass() {
        String id = TestData.firm();
        TestData.orderClass(id, TestData.major(), 10);
        Api.delete(FIRMS + "/" + id)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/still-referenced"));
        Api.get(FIRMS + "/" + id).statusCode(200);
    }

    @Test
    void refusesToDeleteAFirmWithAPlacement() {
        String id = TestData.firm();
        TestData.placement(TestData.student(TestData.major()), id, "2025-03-01", "2025-05-31");
        Api.delete(FIRMS + "/" + id)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/still-referenced"));
    }

    @Test
    void answersNotFoundForAMalformedId() {
        Api.get(FIRMS + "/not-a-uuid")
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-found"));
    }

    private static String createFirm(Map<String, Object> changes) {
        Map<String, Object> request = TestData.firmRequest();
        request.putAll(changes);
        return TestData.created(FIRMS, request);
    }
}
