package org.placementtracker.major;

import static org.placementtracker.security.Roles.ADMIN;
import static org.placementtracker.security.Roles.OFFICER;
import static org.placementtracker.security.Roles.VIEWER;

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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.placementtracker.common.Created;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.MergePatch;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.Text;
import org.placementtracker.idempotency.Idempotent;

@Path("/api/v1/majors")
@Tag(name = "Majors", description = "Programmes of study, keyed by their national catalogue code")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MajorResource {

    private final MajorService service;

    public MajorResource(MajorService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN, OFFICER})
    @POST
    @Idempotent
    @ResponseStatus(201)
    @Operation(
            summary = "Create a major",
            description = "The code is the key and cannot change later; 409 if it exists.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new major",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MajorResponse.class)))
    public RestResponse<MajorResponse> createMajor(
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "major",
                                                            value =
                                                                    "{\"code\": \"700206\", \"name\": \"汽车运用与维修\", \"group\": \"汽车专业群\"}")))
                    @Valid
                    @NotNull
                    MajorRequest request) {
        MajorResponse created = service.create(request);
        return Created.at("/api/v1/majors/" + created.code(), created);
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER})
    @GET
    @Operation(summary = "List majors", description = "Cursor-paginated; follow nextCursor until it is null.")
    public Page<MajorResponse> listMajors(
            @Parameter(description = "Part of the name or code") @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "Order: code or name, prefix - to descend") @QueryParam("sort") @Size(max = 40)
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
        return service.list(Text.blankToNull(q), sort, PageRequest.of(limit, cursor));
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER})
    @GET
    @Path("/{code}")
    @Operation(summary = "Get a major", description = "404 when no major has this code.")
    public MajorResponse getMajor(@PathParam("code") String code) {
        return service.get(code);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @PATCH
    @Path("/{code}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change a major", description = "JSON Merge Patch (RFC 7396); the code cannot change.")
    public MajorResponse patchMajor(
            @PathParam("code") String code,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = MajorRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "rename",
                                                            value = "{\"name\": \"汽车运用与维修（新能源方向）\"}")))
                    @NotNull
                    JsonNode patch) {
        return service.patch(code, patch);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @DELETE
    @Path("/{code}")
    @ResponseStatus(204)
    @Operation(summary = "Delete a major", description = "Refused with 409 while students or order classes use it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteMajor(@PathParam("code") String code) {
        service.delete(code);
    }
}
