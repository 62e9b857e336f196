package org.placementtracker.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
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

@Path("/api/v1")
@Tag(name = "Rotations", description = "Work-study phases (工学交替) when an order class's students are at the firm")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RotationResource {

    private final RotationService service;

    public RotationResource(RotationService service) {
        this.service = service;
    }

    @POST
    @Path("/order-classes/{id}/rotations")
    @ResponseStatus(201)
    @Operation(summary = "Plan a rotation for an order class",
            description = "The firm defaults to the class's firm. Rotations of one class never overlap (409).")
    @APIResponse(responseCode = "201", description = "Created; Location names the new rotation")
    public RestResponse<RotationResponse> createRotation(@PathParam("id") String orderClassId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "rotation", value = """
                    {"site": "徐水整车厂总装车间", "startDate": "2025-03-03", "endDate": "2025-05-30", "mentorName": "张师傅"}""")))
            @Valid @NotNull RotationRequest request) {
        RotationResponse created = service.create(Ids.pathId("Order class", orderClassId), request);
        return Created.at("/api/v1/rotations/" + created.id(), created);
    }

    @GET
    @Path("/order-classes/{id}/rotations")
    @Operation(summary = "List the rotations of an order class", description = "Ordered by start date; cursor-paginated.")
    public Page<RotationResponse> listRotations(@PathParam("id") String orderClassId,
            @Parameter(description = "startDate (default); prefix - to descend") @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return service.list(Ids.pathId("Order class", orderClassId), sort, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/rotations/{id}")
    @Operation(summary = "Get a rotation", description = "404 when no rotation has this id.")
    public RotationResponse getRotation(@PathParam("id") String id) {
        return service.get(Ids.pathId("Rotation", id));
    }

    @PATCH
    @Path("/rotations/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change a rotation",
            description = "JSON Merge Patch (RFC 7396). Setting status CANCELLED cancels its still-planned placements; "
                    + "firm and dates are fixed once placements were dispatched.")
    public RotationResponse patchRotation(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, examples = @ExampleObject(name = "cancel",
                    value = "{\"status\": \"CANCELLED\"}"))) @NotNull JsonNode patch) {
        return service.patch(Ids.pathId("Rotation", id), patch);
    }

    @POST
    @Path("/rotations/{id}/dispatch")
    @Operation(summary = "Dispatch a rotation's members",
            description = "Creates one WORK_STUDY placement per current member for the rotation's firm and dates. "
                    + "Calling it again creates nothing new: members already dispatched or busy are skipped with a reason.")
    @APIResponse(responseCode = "200", description = "Placements created and members skipped")
    public DispatchResponse dispatchRotation(@PathParam("id") String id) {
        return service.dispatch(Ids.pathId("Rotation", id));
    }
}
