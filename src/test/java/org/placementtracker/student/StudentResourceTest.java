package org.placementtracker.student;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class StudentResourceTest {

    private static final String STUDENTS = "/api/v1/students";
    private static final LocalDate BIRTH = LocalDate.of(2008, 5, 14);

    @Test
    void createsAnEnrolledStudentWithItsIdNumberMasked() {
        String major = TestData.major();
        String idNumber = TestData.idNumber(BIRTH, true);
        Map<String, Object> request = TestData.studentRequest(major);
        request.put("idNumber", idNumber);
        String masked = "**************" + idNumber.substring(14);

        ExtractableResponse<Response> created = Api.post(STUDENTS, request)
                .statusCode(201)
                .contentType("application/json")
                .body("status", equalTo("ENROLLED"))
                .body("idNumber", equalTo(masked))
                .body("studentNo", equalTo(request.get("studentNo")))
                .body("name", equalTo(request.get("name")))
                .body("gender", equalTo("MALE"))
                .body("birthDate", equalTo("2008-05-14"))
                .body("majorCode", equalTo(major))
                .body("cohortYear", equalTo(2024))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith(STUDENTS + "/" + id));

        Api.get(STUDENTS + "/" + id)
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("ENROLLED"))
                .body("idNumber", equalTo(masked));
    }

    @Test
    void masksTheWorkedExampleIdNumberToItsLastFourCharacters() {
        String major = TestData.major();
        Map<String, Object> request = TestData.studentRequest(major);
        request.put("idNumber", "110105200805140035");
        Api.post(STUDENTS, request).statusCode(201).body("idNumber", equalTo("**************0035"));
    }

    @Test
    void neverReturnsTheFullIdNumber() {
        String major = TestData.major();
        String idNumber = TestData.idNumber(BIRTH, true);
        String id = TestData.student(major, Map.of("idNumber", idNumber));
        String masked = "**************" + idNumber.substring(14);

        assertHidden(Api.get(STUDENTS + "/" + id).statusCode(200).body("idNumber", equalTo(masked)), idNumber);
        assertHidden(
                Api.get(STUDENTS + "?majorCode=" + major).statusCode(200).body("items.idNumber", contains(masked)),
                idNumber);
        assertHidden(
                Api.patch(STUDENTS + "/" + id, "{\"className\": \"24汽修2班\"}")
                        .statusCode(200)
                        .body("idNumber", equalTo(masked)),
                idNumber);
        assertHidden(
                Api.post(
                                STUDENTS,
                                Map.of(
                                        "studentNo",
                                        TestData.studentNo(),
                                        "name",
                                        "重复",
                                        "gender",
                                        "MALE",
                                        "birthDate",
                                        BIRTH.toString(),
                                        "idNumber",
                                        idNumber,
                                        "majorCode",
                                        major,
                                        "cohortYear",
                                        2024))
                        .statusCode(409)
                        .body("type", endsWith("/duplicate-id-number")),
                idNumber);
    }

    @Test
    void rejectsAnIdNumberWithAWrongCheckCharacter() {
        String major = TestData.major();
        String valid = TestData.idNumber(BIRTH, true);
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        Map<String, Object> request = TestData.studentRequest(major);
        request.put("idNumber", wrong);
        assertHidden(
                Api.post(STUDENTS, request)
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("type", endsWith("/validation-failed"))
                        .body("errors.field", contains("idNumber")),
                wrong);
    }

    @Test
    void rejectsAnIdNumberThatDoesNotMatchTheBirthDate() {
        String major = TestData.major();
        Map<String, Object> request = TestData.studentRequest(major);
        request.put("idNumber", TestData.idNumber(BIRTH.plusDays(1), true));
        Api.post(STUDENTS, request)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", contains("idNumber"))
                .body("errors.message", contains("does not match birthDate"));
    }

    @Test
    void rejectsAnIdNumberThatDoesNotMatchTheGender() {
        String major = TestData.major();
        Map<String, Object> request = TestData.studentRequest(major);
        request.put("gender", "FEMALE");
        request.put("idNumber", TestData.idNumber(BIRTH, true));
        Api.post(STUDENTS, request)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("idNumber"))
                .body("errors.message", contains("does not match gender"));
    }

    @Test
    void acceptsAFemaleStudentWithAnEvenSequenceDigitAndAnXCheckCharacter() {
        String major = TestData.major();
        Map<String, Object> request = TestData.studentRequest(major);
        request.put("gender", "FEMALE");
        request.put("birthDate", "1949-12-31");
        request.put("idNumber", "11010519491231002X");
        Api.post(STUDENTS, request).statusCode(201).body("idNumber", equalTo("**************002X"));
    }

    @Test
    void rejectsAnUnknownMajor() {
        Api.post(STUDENTS, TestData.studentRequest(TestData.majorCode()))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", contains("majorCode"));
    }

    @Test
    void rejectsADuplicateStudentNumber() {
        String major = TestData.major();
        Map<String, Object> request = TestData.studentRequest(major);
        Api.post(STUDENTS, request).statusCode(201);
        request.put("name", "另一个学生");
        Api.post(STUDENTS, request)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/duplicate-student-no"));
    }

    @Test
    void filtersByMajorCohortStatusAndText() {
        String major = TestData.major();
        String otherMajor = TestData.major();
        String marker = "筛选" + TestData.next();
        String early = TestData.student(major, Map.of("cohortYear", 2023, "name", marker + "甲"));
        String enrolled = TestData.student(major, Map.of("cohortYear", 2024));
        String graduated = TestData.student(major, Map.of("cohortYear", 2024, "status", "GRADUATED"));
        String elsewhere = TestData.student(otherMajor, Map.of("cohortYear", 2024, "name", marker + "乙"));
        String studentNo = Api.get(STUDENTS + "/" + enrolled).extract().path("studentNo");

        Api.get(STUDENTS + "?majorCode=" + major)
                .statusCode(200)
                .body("items.id", containsInAnyOrder(early, enrolled, graduated))
                .body("nextCursor", nullValue());
        Api.get(STUDENTS + "?majorCode=" + major + "&cohortYear=2024")
                .statusCode(200)
                .body("items.id", containsInAnyOrder(enrolled, graduated));
        Api.get(STUDENTS + "?majorCode=" + major + "&status=GRADUATED")
                .statusCode(200)
                .body("items.id", contains(graduated));
        Api.get(STUDENTS + "?majorCode=" + major + "&status=ENROLLED&cohortYear=2024")
                .statusCode(200)
                .body("items.id", contains(enrolled));
        Api.get(STUDENTS + "?q=" + marker).statusCode(200).body("items.id", containsInAnyOrder(early, elsewhere));
        Api.get(STUDENTS + "?q=" + marker + "&majorCode=" + otherMajor)
                .statusCode(200)
                .body("items.id", contains(elsewhere));
        Api.get(STUDENTS + "?q=" + studentNo.toLowerCase()).statusCode(200).body("items.id", contains(enrolled));
        Api.get(STUDENTS + "?majorCode=" + major + "&cohortYear=1999")
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void treatsPercentAndUnderscoreInTheQueryAsPlainText() {
        String major = TestData.major();
        String plain = TestData.student(major, Map.of("name", "王五"));
        String literal = TestData.student(major, Map.of("name", "王_五%"));
        Api.json()
                .queryParam("majorCode", major)
                .queryParam("q", "%")
                .get(STUDENTS)
                .then()
                .statusCode(200)
                .body("items.id", contains(literal));
        Api.json()
                .queryParam("majorCode", major)
                .queryParam("q", "_")
                .get(STUDENTS)
                .then()
                .statusCode(200)
                .body("items.id", contains(literal));
        Api.get(STUDENTS + "?majorCode=" + major + "&q=王")
                .statusCode(200)
                .body("items.id", containsInAnyOrder(plain, literal));
    }

    @Test
    void acceptsALowerCaseCheckCharacterAndStoresItUpperCase() {
        Map<String, Object> request = TestData.studentRequest(TestData.major());
        request.put("gender", "FEMALE");
        request.put("birthDate", "1949-12-31");
        request.put("idNumber", "32010019491231006x");
        String id = TestData.created(STUDENTS, request);
        Api.get(STUDENTS + "/" + id).statusCode(200).body("idNumber", equalTo("**************006X"));
        Api.delete(STUDENTS + "/" + id).statusCode(204);
    }

    @Test
    void rejectsMalformedFilters() {
        Api.get(STUDENTS + "?status=STUDYING")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("status"));
        Api.get(STUDENTS + "?cohortYear=soon")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("cohortYear"));
        Api.get(STUDENTS + "?colour=red")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("colour"));
    }

    @Test
    void mergePatchChangesGivenFieldsAndNullRemovesThePhone() {
        String major = TestData.major();
        String id = TestData.student(major, Map.of("name", "李明", "phone", "13800138000"));

        Api.patch(STUDENTS + "/" + id, "{\"phone\": null, \"status\": \"SUSPENDED\", \"className\": \"24汽修3班\"}")
                .statusCode(200)
                .body("phone", nullValue())
                .body("status", equalTo("SUSPENDED"))
                .body("className", equalTo("24汽修3班"))
                .body("name", equalTo("李明"))
                .body("majorCode", equalTo(major));
        Api.get(STUDENTS + "/" + id)
                .statusCode(200)
                .body("phone", nullValue())
                .body("status", equalTo("SUSPENDED"))
                .body("name", equalTo("李明"));
    }

    @Test
    void mergePatchIsCheckedLikeACreate() {
        String major = TestData.major();
        String id = TestData.student(major);
        Api.patch(STUDENTS + "/" + id, "{\"majorCode\": \"" + TestData.majorCode() + "\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("majorCode"));
        Api.patch(STUDENTS + "/" + id, "{\"name\": null}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("name"));
        Api.patch(STUDENTS + "/" + id, "{\"idNumber\": \"" + TestData.idNumber(BIRTH, false) + "\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.message", contains("does not match gender"));
        Api.patch(STUDENTS + "/" + id, "{\"cohortYear\": \"soon\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", contains("cohortYear"));
        Api.patch(STUDENTS + "/" + id, "{\"nickname\": \"小明\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/unknown-field"))
                .body("errors.field", contains("nickname"));
        Api.get(STUDENTS + "/" + id).statusCode(200).body("cohortYear", equalTo(2024));
    }

    @Test
    void deletesAStudent() {
        String id = TestData.student(TestData.major());
        Api.delete(STUDENTS + "/" + id).statusCode(204);
        Api.get(STUDENTS + "/" + id)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-found"));
    }

    @Test
    void refusesToDeleteAStudentWithAPlacement() {
        String id = TestData.student(TestData.major());
        TestData.placement(id, TestData.firm(), "2025-03-01", "2025-05-31");
        Api.delete(STUDENTS + "/" + id)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/still-referenced"));
        Api.get(STUDENTS + "/" + id).statusCode(200);
    }

    @Test
    void keepsChineseNamesExactlyAsSent() {
        String major = TestData.major();
        String name = "欧阳𠮷娜·迪丽热巴";
        String id = TestData.student(major, Map.of("name", name, "className", "24级汽车运用与维修（新能源）1班"));
        Api.get(STUDENTS + "/" + id)
                .statusCode(200)
                .body("name", equalTo(name))
                .body("className", equalTo("24级汽车运用与维修（新能源）1班"));
        Api.get(STUDENTS + "?majorCode=" + major).statusCode(200).body("items.name", contains(name));

        Api.patch(STUDENTS + "/" + id, Map.of("name", "司马懿")).statusCode(200).body("name", equalTo("司马懿"));
        Api.get(STUDENTS + "/" + id).statusCode(200).body("name", equalTo("司马懿"));
    }

    @Test
    void sortsChineseNamesByPinyin() {
        String major = TestData.major();
        String zhang = TestData.student(major, Map.of("name", "张伟"));
        String a = TestData.student(major, Map.of("name", "阿明"));
        String bai = TestData.student(major, Map.of("name", "白云"));
        String chen = TestData.student(major, Map.of("name", "陈静"));

        Api.get(STUDENTS + "?majorCode=" + major + "&sort=name")
                .statusCode(200)
                .body("items.name", contains("阿明", "白云", "陈静", "张伟"))
                .body("items.id", contains(a, bai, chen, zhang));
        Api.get(STUDENTS + "?majorCode=" + major + "&sort=-name")
                .statusCode(200)
                .body("items.name", contains("张伟", "陈静", "白云", "阿明"));
        // one row a page: the cursor continues in pinyin order too
        assertEquals(
                List.of("阿明", "白云", "陈静", "张伟"),
                Api.all(STUDENTS + "?majorCode=" + major + "&sort=name&limit=1", "name"));
    }

    @Test
    void walksEveryStudentOnceWithCursors() {
        String major = TestData.major();
        List<String> ids = List.of(
                TestData.student(major),
                TestData.student(major),
                TestData.student(major),
                TestData.student(major),
                TestData.student(major));
        List<List<String>> pages = Api.walk(STUDENTS + "?majorCode=" + major + "&limit=2", "id");
        assertEquals(List.of(2, 2, 1), pages.stream().map(List::size).toList());
        List<String> walked = pages.stream().flatMap(List::stream).toList();
        assertEquals(Api.all(STUDENTS + "?majorCode=" + major, "id"), walked);
        assertThat(walked, containsInAnyOrder(ids.toArray()));
    }

    private static void assertHidden(ValidatableResponse response, String idNumber) {
        response.body(not(containsString(idNumber)));
        response.body(not(containsString(idNumber.substring(0, 14))));
    }
}
