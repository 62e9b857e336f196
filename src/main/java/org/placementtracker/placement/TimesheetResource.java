package org.placementtracker.placement;

import static org.placementtracker.security.Roles.ADMIN;
import static org.placementtracker.security.Roles.OFFICER;
import static org.placementtracker.security.Roles.PARTNER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.placementtracker.batch.BatchImport;
import org.placementtracker.batch.RowResult;
import org.placementtracker.common.MultiStatus;
import org.placementtracker.common.Problem;
import org.placementtracker.idempotency.Idempotent;

@Path("/api/v1/timesheets")
@Tag(name = "Placements")
@Produces(MediaType.APPLICATION_JSON)
public class TimesheetResource {

    static final String JSON_EXAMPLE = """
            [{"placementId": "5d2f8a61-3c4b-4e9a-8f7d-6a1b2c3d4e5f", "weekStart": "2025-03-03", "monday": 8,
              "tuesday": 8, "wednesday": 8, "thursday": 8, "friday": 8, "saturday": 0, "sunday": 0,
              "nightHours": 0, "overtimeHours": 0, "restDayHours": 0}]""";

    static final String CSV_EXAMPLE = """
            placementId,weekStart,monday,tuesday,wednesday,thursday,friday,saturday,sunday,nightHours,overtimeHours,restDayHours
            5d2f8a61-3c4b-4e9a-8f7d-6a1b2c3d4e5f,2025-03-03,8,8,8,8,8,0,0,0,0,0
            """;

    private final PlacementService service;
    private final BatchImport imports;

    public TimesheetResource(PlacementService service, BatchImport imports) {
        this.service = service;
        this.imports = imports;
    }

    @RolesAllowed({ADMIN, OFFICER, PARTNER})
    @POST
    @Idempotent
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, BatchImport.CSV})
    @Operation(
            summary = "Import weeks of hours",
            description = "Reports many weeks at once, each row naming its placementId."
                    + BatchImport.BATCH_BODY
                    + "a row for a week already reported replaces it (updated)"
                    + BatchImport.BATCH_MODES)
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
    public RestResponse<List<RowResult>> importTimesheets(
            @RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema =
                                                @Schema(
                                                        type = SchemaType.ARRAY,
                                                        implementation = TimesheetRequest.class),
                                        examples = @ExampleObject(name = "weeks", value = JSON_EXAMPLE)),
                                @Content(
                                        mediaType = BatchImport.CSV,
                                        schema =
                                                @Schema(
                                                        type = SchemaType.STRING,
                                                        maxLength = BatchImport.MAX_CSV_CHARS),
                                        examples = @ExampleObject(name = "weeksCsv", value = CSV_EXAMPLE))
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
                "/api/v1/timesheets/batch",
                TimesheetRequest.class,
                service::timesheetImporter,
                service::weekAlone);
        return atomic ? RestResponse.ok(results) : MultiStatus.of(results);
    }
}
