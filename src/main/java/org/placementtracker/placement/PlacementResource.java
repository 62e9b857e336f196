package org.placementtracker.placement;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import java.util.List;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.batch.BatchImport;
import org.placementtracker.batch.RowResult;
import org.placementtracker.common.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.placementtracker.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.placementtracker.common.Created;
import org.placementtracker.common.Ids;
import org.placementtracker.common.MergePatch;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.QueryParams;

@Path("/api/v1/placements")
@Tag(name = "Placements", description = "One student at one firm for one period (送工 / 实习): the unit reports count")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlacementResource {

    static final String EXAMPLE = """
            {"studentId": "3f6c1a52-8d7e-4f0b-9a51-2b8e6f0c9d11", "firmId": "7b1e2c9a-4f3d-4a8e-9c2b-1d5e6f7a8b9c",
             "type": "POST_INTERNSHIP", "position": "总装车间装配工", "startDate": "2025-03-01", "endDate": "2025-08-31"}""";

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

    @POST
    @Idempotent
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, BatchImport.CSV})
    @Operation(summary = "Import placements", description = "Creates or updates many placements at once." + BatchImport.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "atomic=true: every row was saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RowResult.class)))
    @APIResponse(responseCode = "207", description = "atomic=false: one result per row; the good rows were saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RowResult.class)))
    @APIResponse(responseCode = "413", description = "More than 10,000 rows, or a body over the batch size limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = BatchImport.REJECTED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<List<RowResult>> importPlacements(
            @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                            implementation = PlacementRequest.class), examples = @ExampleObject(name = "placements",
                            value = "[" + EXAMPLE + "]")),
                    @Content(mediaType = BatchImport.CSV,
                            schema = @Schema(type = SchemaType.STRING, maxLength = BatchImport.MAX_CSV_CHARS),
                            examples = @ExampleObject(name = "placementsCsv", value = CSV_EXAMPLE))})
            byte[] body,
            @HeaderParam("Content-Type") String contentType,
            @Parameter(description = "true (default): all rows or none; false: keep the good rows",
                    schema = @Schema(enumeration = {"true", "false"}, defaultValue = "true"))
            @QueryParam("atomic") String atomic) {
        return imports.run(body, contentType, atomic, "/api/v1/placements/batch", PlacementRequest.class, service::importer,
                service::upsertAlone);
    }

    @POST
    @Idempotent
    @ResponseStatus(201)
    @Operation(summary = "Create a placement",
            description = "Starts PLANNED. The student must be ENROLLED, the firm ACTIVE, and the student must have no "
                    + "other placement (not cancelled) overlapping the period.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new placement")
    public RestResponse<PlacementResponse> createPlacement(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "postInternship", value = EXAMPLE)))
            @Valid @NotNull PlacementRequest request) {
        PlacementResponse created = service.create(request);
        return Created.at("/api/v1/placements/" + created.id(), created);
    }

    @GET
    @Operation(summary = "List placements", description = "Cursor-paginated; follow nextCursor until it is null.")
    public Page<PlacementResponse> listPlacements(
            @Parameter(description = "Student id") @QueryParam("studentId") String studentId,
            @Parameter(description = "Firm id") @QueryParam("firmId") String firmId,
            @Parameter(description = "Order class id") @QueryParam("orderClassId") String orderClassId,
            @Parameter(description = "COGNITIVE, FOLLOW_POST, POST_INTERNSHIP, WORK_STUDY or APPRENTICESHIP")
            @QueryParam("type") String type,
            @Parameter(description = "PLANNED, ACTIVE, COMPLETED, TERMINATED or CANCELLED") @QueryParam("status") String status,
            @Parameter(description = "Student's major code") @QueryParam("majorCode") String majorCode,
            @Parameter(description = "Placements that count in this year, as the reports count them: start date in the "
                    + "year, not CANCELLED unless status=CANCELLED is asked for") @QueryParam("year") String year,
            @Parameter(description = "Year basis of year: calendar (default) or academic (N-09-01 to N+1-08-31)")
            @QueryParam("yearBasis") String yearBasis,
            @Parameter(description = "startDate (default) or createdAt; prefix - to descend") @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        PlacementService.Filter filter = new PlacementService.Filter(QueryParams.optionalUuid("studentId", studentId),
                QueryParams.optionalUuid("firmId", firmId), QueryParams.optionalUuid("orderClassId", orderClassId),
                QueryParams.optionalText("majorCode", majorCode, 12),
                QueryParams.optionalEnum("type", type, Placement.Type.class),
                QueryParams.optionalEnum("status", status, Placement.Status.class),
                QueryParams.optionalYear("year", year), YearBasis.parse(yearBasis));
        return service.list(filter, sort, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a placement", description = "404 when no placement has this id.")
    public PlacementResponse getPlacement(@PathParam("id") String id) {
        return service.get(Ids.pathId("Placement", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change a placement",
            description = "JSON Merge Patch (RFC 7396) of firm, type, order class, position and dates; the overlap "
                    + "rule is checked again. The student cannot change; the status changes only through its own operation.")
    public PlacementResponse patchPlacement(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, examples = @ExampleObject(name = "extend",
                    value = "{\"endDate\": \"2025-09-30\", \"position\": \"质检员\"}"))) @NotNull JsonNode patch) {
        return service.patch(Ids.pathId("Placement", id), patch);
    }

    @POST
    @Idempotent
    @Path("/{id}/status")
    @Operation(summary = "Change a placement's status",
            description = "PLANNED→ACTIVE→COMPLETED; PLANNED or ACTIVE→TERMINATED (reason required); PLANNED→CANCELLED. "
                    + "Any other change is 409.")
    @APIResponse(responseCode = "200", description = "The placement with its new status")
    public PlacementResponse changePlacementStatus(@PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "terminate",
                    value = "{\"status\": \"TERMINATED\", \"reason\": \"学生因病返校\"}")))
            @Valid @NotNull StatusChangeRequest request) {
        return service.changeStatus(Ids.pathId("Placement", id), request);
    }
}
