package org.placementtracker.student;

import static org.placementtracker.security.Roles.ADMIN;
import static org.placementtracker.security.Roles.OFFICER;
import static org.placementtracker.security.Roles.PARTNER;
import static org.placementtracker.security.Roles.VIEWER;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/students")
@Tag(
        name = "Students",
        description = "Enrolled learners; ID numbers are checked per GB 11643 and never returned in full")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StudentResource {

    static final String EXAMPLE = """
            {"studentNo": "2024010137", "name": "李明", "gender": "MALE", "birthDate": "2008-05-14",
             "idNumber": "110105200805140035", "phone": "13800138000", "majorCode": "700206",
             "cohortYear": 2024, "className": "24汽修1班"}""";

    static final String CSV_EXAMPLE = """
            studentNo,name,gender,birthDate,majorCode,cohortYear,className,externalRef
            2024010137,李明,MALE,2008-05-14,700206,2024,24汽修1班,SIS-0137
            2024010138,王芳,FEMALE,2008-09-02,700206,2024,,SIS-0138
            """;

    private final StudentService service;
    private final BatchImport imports;

    public StudentResource(StudentService service, BatchImport imports) {
        this.service = service;
        this.imports = imports;
    }

    @RolesAllowed({ADMIN, OFFICER})
    @POST
    @Idempotent
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, BatchImport.CSV})
    @Operation(
            summary = "Import students",
            description = "Creates or updates many students at once." + BatchImport.DESCRIPTION)
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
    public RestResponse<List<RowResult>> importStudents(
            @RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema =
                                                @Schema(type = SchemaType.ARRAY, implementation = StudentRequest.class),
                                        examples = @ExampleObject(name = "students", value = "[" + EXAMPLE + "]")),
                                @Content(
                                        mediaType = BatchImport.CSV,
                                        schema =
                                                @Schema(
                                                        type = SchemaType.STRING,
                                                        maxLength = BatchImport.MAX_CSV_CHARS),
                                        examples = @ExampleObject(name = "studentsCsv", value = CSV_EXAMPLE))
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
                "/api/v1/students/batch",
                StudentRequest.class,
                service::importer,
                service::upsertAlone);
        return atomic ? RestResponse.ok(results) : MultiStatus.of(results);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @POST
    @Idempotent
    @ResponseStatus(201)
    @Operation(summary = "Create a student", description = "The major must exist; status defaults to ENROLLED.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new student",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StudentResponse.class)))
    public RestResponse<StudentResponse> createStudent(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "student", value = EXAMPLE)))
                    @Valid
                    @NotNull
                    StudentRequest request) {
        StudentResponse created = service.create(request);
        return Created.at("/api/v1/students/" + created.id(), created);
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Operation(summary = "List students", description = "Cursor-paginated; follow nextCursor until it is null.")
    public Page<StudentResponse> listStudents(
            @Parameter(description = "Major code") @QueryParam("majorCode") @Size(max = 12) String majorCode,
            @Parameter(description = "Intake year") @QueryParam("cohortYear") @Min(1900) @Max(2200) Integer cohortYear,
            @Parameter(description = "ENROLLED, SUSPENDED, GRADUATED or WITHDRAWN") @QueryParam("status")
                    Student.Status status,
            @Parameter(description = "Part of the name or student number") @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "studentNo (default), name, cohortYear or createdAt; prefix - to descend")
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
        StudentService.Filter filter =
                new StudentService.Filter(Text.blankToNull(majorCode), cohortYear, status, Text.blankToNull(q));
        return service.list(filter, sort, PageRequest.of(limit, cursor));
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get a student",
            description = "The ID number is masked to its last 4 characters. reveal=idNumber shows it in full: ADMIN "
                    + "only (403 otherwise), and recorded in the audit history. Partners get the minimal view.")
    public StudentResponse getStudent(
            @PathParam("id") UUID id,
            @Parameter(description = "idNumber: show the full ID number (ADMIN only, audited)") @QueryParam("reveal")
                    RevealedField reveal) {
        return reveal == null ? service.get(id) : service.reveal(id);
    }

    /** What a read may show in full that it otherwise masks. */
    @Schema(name = "RevealedField")
    public enum RevealedField {
        ID_NUMBER;

        @JsonValue
        public String parameter() {
            return "idNumber";
        }
    }

    @RolesAllowed({ADMIN, OFFICER})
    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            summary = "Change a student",
            description = "JSON Merge Patch (RFC 7396); null removes an optional field.")
    public StudentResponse patchStudent(
            @PathParam("id") UUID id,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = StudentRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "graduate",
                                                            value = "{\"status\": \"GRADUATED\", \"phone\": null}")))
                    @NotNull
                    JsonNode patch) {
        return service.patch(id, patch);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(
            summary = "Delete a student",
            description = "Refused with 409 while placements or order classes refer to the student.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteStudent(@PathParam("id") UUID id) {
        service.delete(id);
    }
}
