package org.placementtracker.rotation;

import static org.placementtracker.security.Roles.ADMIN;
import static org.placementtracker.security.Roles.OFFICER;
import static org.placementtracker.security.Roles.PARTNER;
import static org.placementtracker.security.Roles.VIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementtracker.common.MergePatch;
import org.placementtracker.common.Problem;
import org.placementtracker.idempotency.Idempotent;

@Path("/api/v1/rotations")
@Tag(name = "Rotations", description = "Work-study phases (工学交替) when an order class's students are at the firm")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RotationResource {

    private final RotationService service;

    public RotationResource(RotationService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/{id}")
    @Operation(summary = "Get a rotation", description = "404 when no rotation has this id.")
    public RotationResponse getRotation(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            summary = "Change a rotation",
            description = "JSON Merge Patch (RFC 7396). Setting status CANCELLED cancels its still-planned placements; "
                    + "firm and dates are fixed once placements were dispatched.")
    public RotationResponse patchRotation(
            @PathParam("id") UUID id,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = RotationRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "cancel",
                                                            value = "{\"status\": \"CANCELLED\"}")))
                    @NotNull
                    JsonNode patch) {
        return service.patch(id, patch);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @POST
    @Idempotent
    @Path("/{id}/dispatch")
    @Operation(
            summary = "Dispatch a rotation's members",
            description =
                    "Creates one WORK_STUDY placement per current member for the rotation's firm and dates. "
                            + "Calling it again creates nothing new: members already dispatched or busy are skipped with a reason.")
    @APIResponse(responseCode = "200", description = "Placements created and members skipped")
    @APIResponse(
            responseCode = "422",
            description = "A member's placement would break internship rules in BLOCK mode (compliance-breach; "
                    + "breaches lists each); nothing was dispatched. Or the Idempotency-Key was used before for a "
                    + "different request.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DispatchResponse dispatchRotation(@PathParam("id") UUID id) {
        return service.dispatch(id);
    }
}
