package org.placementtracker.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.placementtracker.client.ApiClient;
import org.placementtracker.client.ApiException;
import org.placementtracker.client.ApiResponse;
import org.placementtracker.client.api.ChangesApi;
import org.placementtracker.client.api.FirmsApi;
import org.placementtracker.client.api.MajorsApi;
import org.placementtracker.client.api.OrderClassesApi;
import org.placementtracker.client.api.PlacementsApi;
import org.placementtracker.client.api.ReportsApi;
import org.placementtracker.client.api.RotationsApi;
import org.placementtracker.client.api.StudentsApi;
import org.placementtracker.client.model.ChangeEvent;
import org.placementtracker.client.model.ChangePage;
import org.placementtracker.client.model.DispatchResponse;
import org.placementtracker.client.model.ExportFormat;
import org.placementtracker.client.model.FirmRequest;
import org.placementtracker.client.model.Gender;
import org.placementtracker.client.model.MajorRequest;
import org.placementtracker.client.model.MemberRequest;
import org.placementtracker.client.model.OrderClassProgramme;
import org.placementtracker.client.model.OrderClassRequest;
import org.placementtracker.client.model.OrderClassResponse;
import org.placementtracker.client.model.PagePlacementResponse;
import org.placementtracker.client.model.PageStudentResponse;
import org.placementtracker.client.model.PlacementPatch;
import org.placementtracker.client.model.PlacementRequest;
import org.placementtracker.client.model.PlacementResponse;
import org.placementtracker.client.model.PlacementStatus;
import org.placementtracker.client.model.PlacementType;
import org.placementtracker.client.model.Problem;
import org.placementtracker.client.model.RotationRequest;
import org.placementtracker.client.model.Row;
import org.placementtracker.client.model.RowResult;
import org.placementtracker.client.model.RowStatus;
import org.placementtracker.client.model.StatusChangeRequest;
import org.placementtracker.client.model.StudentRequest;
import org.placementtracker.client.model.StudentResponse;
import org.placementtracker.client.model.YearBasis;
import org.placementtracker.client.model.YearlyReport;
import org.placementtracker.support.TestCredentials;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * A placement office's day, driven through the Java client generated from the committed contract
 * (OpenAPI Generator, {@code java}/{@code native}; see pom.xml): typed methods only, the ids from
 * the create answers, the ETags and replay marks from the headers the document declares, problems
 * read into the generated {@link Problem} model. The {@code native} library has no notion of
 * credentials, so the API key goes through the extra-headers parameter every generated method
 * offers.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ClientScenarioTest {

    @TestHTTPResource("/")
    URI service;

    private final Map<String, String> admin = Map.of("Authorization", "Bearer " + TestCredentials.ADMIN_KEY);

    @Test
    void aPlacementOfficesDayThroughTheGeneratedClient() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        MajorsApi majors = new MajorsApi(client);
        FirmsApi firms = new FirmsApi(client);
        StudentsApi students = new StudentsApi(client);
        OrderClassesApi orderClasses = new OrderClassesApi(client);
        RotationsApi rotations = new RotationsApi(client);
        PlacementsApi placements = new PlacementsApi(client);
        ReportsApi reports = new ReportsApi(client);
        ChangesApi changes = new ChangesApi(client);

        String feedStart = changes.changes("now", null, admin).getNextCursor();
        assertNotNull(feedStart);

        // Creates answer with the new resource: its id comes from the body.
        String majorCode = majors.createMajor(
                        new MajorRequest().code(TestData.majorCode()).name("汽车制造与试验技术"), null, admin)
                .getCode();
        UUID firm = firms.createFirm(
                        new FirmRequest()
                                .name(TestData.firmName())
                                .creditCode(TestData.creditCode())
                                .industry("汽车制造")
                                .contactName("王经理")
                                .headcount(1200),
                        null,
                        admin)
                .getId();
        List<UUID> enrolled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StudentResponse student = students.createStudent(
                    new StudentRequest()
                            .studentNo(TestData.studentNo())
                            .name("学生" + i)
                            .gender(Gender.FEMALE)
                            .birthDate(LocalDate.of(2007, 3, 1 + i))
                            .majorCode(majorCode)
                            .cohortYear(2024),
                    null,
                    admin);
            enrolled.add(student.getId());
        }

        // An order class with a quota of two; the third enrolment is refused with a typed problem.
        OrderClassResponse orderClass = orderClasses.createOrderClass(
                new OrderClassRequest()
                        .name("长城汽车订单班")
                        .firmId(firm)
                        .majorCode(majorCode)
                        .intakeYear(2024)
                        .quota(2)
                        .programme(OrderClassProgramme.DUAL_SYSTEM),
                null,
                admin);
        orderClasses.addMember(orderClass.getId(), new MemberRequest().studentId(enrolled.get(0)), null, admin);
        orderClasses.addMember(orderClass.getId(), new MemberRequest().studentId(enrolled.get(1)), null, admin);
        Problem full = problem(
                client,
                assertThrows(
                        ApiException.class,
                        () -> orderClasses.addMember(
                                orderClass.getId(), new MemberRequest().studentId(enrolled.get(2)), null, admin)));
        assertEquals(409, full.getStatus());
        assertTrue(full.getType().endsWith("/order-class-full"), full.getType());

        // A rotation of the class and its dispatch: one placement per member.
        UUID rotation = rotations
                .createRotation(
                        orderClass.getId(),
                        new RotationRequest()
                                .site("总装车间")
                                .startDate(LocalDate.of(2025, 3, 3))
                                .endDate(LocalDate.of(2025, 5, 30))
                                .mentorName("张师傅"),
                        null,
                        admin)
                .getId();
        DispatchResponse dispatch = rotations.dispatchRotation(rotation, null, admin);
        assertEquals(2, dispatch.getCreated().size());

        // A placement through its statuses.
        PlacementResponse placement = placements.createPlacement(
                new PlacementRequest()
                        .studentId(enrolled.get(2))
                        .firmId(firm)
                        .type(PlacementType.POST_INTERNSHIP)
                        .position("装配工")
                        .externalRef("HR-0001")
                        .startDate(LocalDate.of(2026, 3, 2))
                        .endDate(LocalDate.of(2026, 6, 30)),
                null,
                admin);
        assertEquals(PlacementStatus.PLANNED, placement.getStatus());
        assertEquals(
                PlacementStatus.ACTIVE,
                placements
                        .changePlacementStatus(
                                placement.getId(),
                                new StatusChangeRequest().status(PlacementStatus.ACTIVE),
                                null,
                                admin)
                        .getStatus());

        // A merge patch that sets one field and clears another, based on the ETag of a read.
        ApiResponse<PlacementResponse> read = placements.getPlacementWithHttpInfo(placement.getId(), null, admin);
        String etag = read.getHeaders().get("ETag").get(0);
        PlacementResponse patched = placements.patchPlacement(
                placement.getId(), new PlacementPatch().position("总装车间调试工").externalRef(null), etag, admin);
        assertEquals("总装车间调试工", patched.getPosition());
        assertNull(patched.getExternalRef());
        assertEquals(LocalDate.of(2026, 6, 30), patched.getEndDate(), "a field the patch left out is kept");
        Problem stale = problem(
                client,
                assertThrows(
                        ApiException.class,
                        () -> placements.patchPlacement(
                                placement.getId(), new PlacementPatch().position("旧版本"), etag, admin)));
        assertEquals(412, stale.getStatus());
        assertEquals(
                PlacementStatus.COMPLETED,
                placements
                        .changePlacementStatus(
                                placement.getId(),
                                new StatusChangeRequest().status(PlacementStatus.COMPLETED),
                                null,
                                admin)
                        .getStatus());

        // A batch import with an Idempotency-Key, then its replay.
        String key = UUID.randomUUID().toString();
        List<PlacementRequest> batch = List.of(
                new PlacementRequest()
                        .studentId(enrolled.get(3))
                        .firmId(firm)
                        .type(PlacementType.FOLLOW_POST)
                        .startDate(LocalDate.of(2026, 7, 1))
                        .endDate(LocalDate.of(2026, 7, 31)),
                new PlacementRequest()
                        .studentId(enrolled.get(4))
                        .firmId(firm)
                        .type(PlacementType.COGNITIVE)
                        .startDate(LocalDate.of(2026, 7, 6))
                        .endDate(LocalDate.of(2026, 7, 10)));
        ApiResponse<List<RowResult>> imported = placements.importPlacementsWithHttpInfo(batch, true, key, admin);
        assertEquals(
                List.of(RowStatus.CREATED, RowStatus.CREATED),
                imported.getData().stream().map(RowResult::getStatus).toList());
        ApiResponse<List<RowResult>> replayed = placements.importPlacementsWithHttpInfo(batch, true, key, admin);
        assertEquals(List.of("true"), replayed.getHeaders().get("Idempotency-Replayed"));
        assertEquals(
                imported.getData().stream().map(RowResult::getId).toList(),
                replayed.getData().stream().map(RowResult::getId).toList());

        // Pagination to the end with the cursor.
        Set<UUID> listed = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            PageStudentResponse page = students.listStudents(null, cursor, 2, majorCode, null, null, null, admin);
            page.getItems().forEach(student -> listed.add(student.getId()));
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(Set.copyOf(enrolled), listed);
        assertEquals(3, pages);
        PagePlacementResponse atFirm =
                placements.listPlacements(null, firm, 200, null, null, null, null, null, null, null, null, admin);
        assertEquals(5, atFirm.getItems().size());

        // The yearly report of the firm, as JSON and as CSV bytes.
        YearlyReport yearly = reports.yearly(firm, null, 2025, null, null, null, 2026, null, YearBasis.CALENDAR, admin);
        assertEquals(
                List.of(2025, 2026), yearly.getRows().stream().map(Row::getYear).toList());
        assertEquals(
                List.of(2L, 3L),
                yearly.getRows().stream().map(Row::getPersonTimes).toList());
        assertEquals(5L, yearly.getTotals().getDistinctStudents());
        String csv = Files.readString(
                reports.yearlyExport(
                                ExportFormat.CSV, firm, 2025, null, null, null, 2026, null, YearBasis.CALENDAR, admin)
                        .toPath(),
                StandardCharsets.UTF_8);
        assertTrue(csv.lines().anyMatch(line -> line.startsWith("2025,") && line.contains(",2,2")), csv);
        assertTrue(csv.lines().anyMatch(line -> line.startsWith("2026,") && line.contains(",3,3")), csv);

        // The change feed from "now" holds what the day created.
        Set<String> changed = new HashSet<>();
        cursor = feedStart;
        for (int i = 0; i < 50 && cursor != null; i++) {
            ChangePage page = changes.changes(cursor, 200, admin);
            page.getItems().stream().map(ChangeEvent::getEntityId).forEach(changed::add);
            if (page.getItems().isEmpty()) {
                break;
            }
            cursor = page.getNextCursor();
        }
        assertTrue(changed.contains(firm.toString()), "the firm");
        assertTrue(changed.contains(placement.getId().toString()), "the placement");
        assertTrue(changed.contains(dispatch.getCreated().get(0).toString()), "a dispatched placement");
    }

    /** The problem+json body of a refused call, read into the generated model. */
    private static Problem problem(ApiClient client, ApiException refused) throws Exception {
        assertEquals(
                "application/problem+json",
                refused.getResponseHeaders()
                        .firstValue("Content-Type")
                        .orElse("")
                        .split(";")[0]);
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals(refused.getCode(), problem.getStatus());
        return problem;
    }
}
