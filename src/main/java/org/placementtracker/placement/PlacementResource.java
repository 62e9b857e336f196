package org.placementtracker.placement;

import static org.placementtracker.security.Roles.ADMIN;
import static org.placementtracker.security.Roles.OFFICER;
import static org.placementtracker.security.Roles.PARTNER;
import static org.placementtracker.security.Roles.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.placementtracker.batch.BatchImport;
import org.placementtracker.batch.RowResult;
import org.placementtracker.common.Created;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.MergePatch;
import org.placementtracker.common.MultiStatus;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.Problem;
import org.placementtracker.common.Text;
import org.placementtracker.idempotency.Idempotent;

@Path("/api/v1/placements")
@Tag(name = "Placements", description = "One student at one firm for one period (送工 / 实习): the unit reports count")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlacementResource {

    static final String EXAMPLE = """
            {"studentId": "3f6c1a52-8d7e-4f0b-9a51-2b8e6f0c9d11", "firmId": "7b1e2c9a-4f3d-4a8e-9c2b-1d5e6f7a8b9c",
             "type": "POST_INTERNSHIP", "position": "总装车间装配工", "startDate": "2025-03-01", "endDate": "2025-08-31"}""";

    /** What a 422 of a single write means. */
    static final String BREACH = "The placement would break internship rules in BLOCK mode (compliance-breach; "
            + "breaches lists each rule, its article and why); nothing was saved";

    static final String TIMESHEET_EXAMPLE = """
            {"weekStart": "2025-03-03", "monday": 8, "tuesday": 8, "wednesday": 8, "thursday": 8, "friday": 8,
             "saturday": 0, "sunday": 0, "nightHours": 0, "overtimeHours": 0, "restDayHours": 0}""";

    static final String CSV_EXAMPLE = """
            studentId,firmId,type,position,startDate,endDate,externalRef
            3f6c1a52-8d7e-4f0b-9a51-2b8e6f0c9d11,7b1e2c9a-4f3d-4a8e-9c2b-1d5e6f7a8b9c,POST_INTERNSHIP,总装车间装配工,2025-03-01,2025-08-31,HR-0042
            """;

    private final PlacementService service;
    private final BatchImport imports;

    public PlacementResource(PlacementService service, BatchImport imports) {
        this.service = service;
        this.imports = imports;
    }

    @RolesAllowed({ADMIN, OFFICER})
    @POST
    @Idempotent
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, BatchImport.CSV})
    @Operation(
            summary = "Import placements",
            description = "Creates or updates many placements at once." + BatchImport.DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "atomic=true: every row was saved",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RowResult.class)))
    @APIResponse(
            responseCode = "207",
            description = "atomic=false: one result per row; the good rows were saved",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RowResult.class)))
    @APIResponse(
            responseCode = "413",
            description = "More than 10,000 rows, or a body over the batch size limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = BatchImport.REJECTED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<List<RowResult>> importPlacements(
            @RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema =
                                                @Schema(
                                                        type = SchemaType.ARRAY,
                                                        implementation = PlacementRequest.class),
                                        examples = @ExampleObject(name = "placements", value = "[" + EXAMPLE + "]")),
                                @Content(
                                        mediaType = BatchImport.CSV,
                                        schema =
                                                @Schema(
                                                        type = SchemaType.STRING,
                                                        maxLength = BatchImport.MAX_CSV_CHARS),
                                        examples = @ExampleObject(name = "placementsCsv", value = CSV_EXAMPLE))
                            })
                    byte[] body,
            @HeaderParam("Content-Type") String contentType,
            @Parameter(description = "true (default): all rows or none; false: keep the good rows")
                    @QueryParam("atomic")
                    @DefaultValue("true")
                    Boolean atomic) {
        List<RowResult> results = imports.run(
                body,
                contentType,
                atomic,
                "/api/v1/placements/batch",
                PlacementRequest.class,
                service::importer,
                service::upsertAlone);
        return atomic ? RestResponse.ok(results) : MultiStatus.of(results);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @POST
    @Idempotent
    @ResponseStatus(201)
    @Operation(
            summary = "Create a placement",
            description = "Starts PLANNED. The student must be ENROLLED, the firm ACTIVE, and the student must have no "
                    + "other placement (not cancelled) overlapping the period. The national internship rules are "
                    + "checked (GET /api/v1/compliance/rules): a rule in BLOCK mode refuses with 422, one in WARN "
                    + "mode is shown in compliance.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new placement",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlacementResponse.class)))
    @APIResponse(
            responseCode = "422",
            description = BREACH + ". Or the Idempotency-Key was used before for a different request.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PlacementResponse> createPlacement(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "postInternship", value = EXAMPLE)))
                    @Valid
                    @NotNull
                    PlacementRequest request) {
        PlacementResponse created = service.create(request);
        return Created.at("/api/v1/placements/" + created.id(), created);
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Operation(summary = "List placements", description = "Cursor-paginated; follow nextCursor until it is null.")
    public Page<PlacementResponse> listPlacements(
            @Parameter(description = "Student id") @QueryParam("studentId") UUID studentId,
            @Parameter(description = "Firm id") @QueryParam("firmId") UUID firmId,
            @Parameter(description = "Order class id") @QueryParam("orderClassId") UUID orderClassId,
            @Parameter(description = "COGNITIVE, FOLLOW_POST, POST_INTERNSHIP, WORK_STUDY or APPRENTICESHIP")
                    @QueryParam("type")
                    Placement.Type type,
            @Parameter(description = "PLANNED, ACTIVE, COMPLETED, TERMINATED or CANCELLED") @QueryParam("status")
                    Placement.Status status,
            @Parameter(description = "Student's major code") @QueryParam("majorCode") @Size(max = 12) String majorCode,
            @Parameter(
                            description =
                                    "Placements that count in this year, as the reports count them: start date in the "
                                            + "year, not CANCELLED unless status=CANCELLED is asked for")
                    @QueryParam("year")
                    @Min(1900)
                    @Max(2200)
                    Integer year,
            @Parameter(description = "Year basis of year: calendar (default) or academic (N-09-01 to N+1-08-31)")
                    @QueryParam("yearBasis")
                    @DefaultValue("calendar")
                    YearBasis yearBasis,
            @Parameter(description = "startDate (default) or createdAt; prefix - to descend")
                    @QueryParam("sort")
                    @Size(max = 40)
                    String sort,
            @Parameter(description = "Page size, 1-200 (default 50)")
                    @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(1)
                    @Max(200)
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page")
                    @QueryParam("cursor")
                    @Size(max = CursorCodec.MAX_LENGTH)
                    String cursor) {
        PlacementService.Filter filter = new PlacementService.Filter(
                studentId, firmId, orderClassId, Text.blankToNull(majorCode), type, status, year, yearBasis);
        return service.list(filter, sort, PageRequest.of(limit, cursor));
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/{id}")
    @Operation(summary = "Get a placement", description = "404 when no placement has this id.")
    public PlacementResponse getPlacement(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            summary = "Change a placement",
            description =
                    "JSON Merge Patch (RFC 7396) of firm, type, order class, position and dates; the overlap "
                            + "rule is checked again. The student cannot change; the status changes only through its own operation.")
    @APIResponse(
            responseCode = "200",
            description = "The changed placement",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlacementResponse.class)))
    @APIResponse(
            responseCode = "422",
            description = BREACH,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlacementResponse patchPlacement(
            @PathParam("id") UUID id,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = PlacementRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "extend",
                                                            value =
                                                                    "{\"endDate\": \"2025-09-30\", \"position\": \"质检员\"}")))
                    @NotNull
                    JsonNode patch) {
        return service.patch(id, patch);
    }

    @RolesAllowed({ADMIN, OFFICER, PARTNER})
    @POST
    @Idempotent
    @Path("/{id}/status")
    @Operation(
            summary = "Change a placement's status",
            description =
                    "PLANNED→ACTIVE→COMPLETED; PLANNED or ACTIVE→TERMINATED (reason required); PLANNED→CANCELLED. "
                            + "Any other change is 409.")
    @APIResponse(responseCode = "200", description = "The placement with its new status")
    @APIResponse(
            responseCode = "422",
            description = "Making it ACTIVE would break internship rules in BLOCK mode (its agreement, consent, "
                    + "insurance and pay are due when it starts, whatever the date); nothing was changed. Or the "
                    + "Idempotency-Key was used before for a different request.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlacementResponse changePlacementStatus(
            @PathParam("id") UUID id,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "terminate",
                                                            value =
                                                                    "{\"status\": \"TERMINATED\", \"reason\": \"学生因病返校\"}")))
                    @Valid
                    @NotNull
                    StatusChangeRequest request) {
        return service.changeStatus(id, request);
    }

    @RolesAllowed({ADMIN, OFFICER, PARTNER})
    @POST
    @Idempotent
    @Path("/{id}/timesheets")
    @Operation(
            summary = "Report a week of hours worked",
            description = "For partner firms' HR systems: the hours of one week (Monday to Sunday) of the placement; "
                    + "a week already reported is replaced (200). The working-time rules are checked again against "
                    + "them, and what they break is recorded on the placement (never refused: the hours happened).")
    @APIResponse(
            responseCode = "201",
            description = "A new week; Location names the placement's timesheets",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TimesheetResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "The week replaced an earlier report of it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TimesheetResponse.class)))
    public RestResponse<TimesheetResponse> reportPlacementWeek(
            @PathParam("id") UUID id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "week", value = TIMESHEET_EXAMPLE)))
                    @Valid
                    @NotNull
                    TimesheetRequest request) {
        PlacementService.WeekWritten written = service.writeWeek(id, request);
        return written.created()
                ? Created.at("/api/v1/placements/" + id + "/timesheets", written.timesheet())
                : RestResponse.ok(written.timesheet());
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/{id}/timesheets")
    @Operation(
            summary = "List a placement's weeks of hours",
            description = "By week; cursor-paginated, follow nextCursor until it is null.")
    public Page<TimesheetResponse> listPlacementTimesheets(
            @PathParam("id") UUID id,
            @Parameter(description = "Page size, 1-200 (default 50)")
                    @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(1)
                    @Max(200)
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page")
                    @QueryParam("cursor")
                    @Size(max = CursorCodec.MAX_LENGTH)
                    String cursor) {
        return service.timesheets(id, PageRequest.of(limit, cursor));
    }
}
