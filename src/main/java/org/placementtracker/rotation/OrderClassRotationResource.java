package org.placementtracker.rotation;

import static org.placementtracker.security.Roles.ADMIN;
import static org.placementtracker.security.Roles.OFFICER;
import static org.placementtracker.security.Roles.PARTNER;
import static org.placementtracker.security.Roles.VIEWER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
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
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.idempotency.Idempotent;

/**
 * The rotations of one order class. A root resource of its own, below the order class's path, so
 * that requests for a class's rotations are matched here and not by the order class resource.
 */
@Path("/api/v1/order-classes/{id}/rotations")
@Tag(name = "Rotations", description = "Work-study phases (工学交替) when an order class's students are at the firm")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderClassRotationResource {

    private final RotationService service;

    public OrderClassRotationResource(RotationService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN, OFFICER})
    @POST
    @Idempotent
    @ResponseStatus(201)
    @Operation(
            summary = "Plan a rotation for an order class",
            description = "The firm defaults to the class's firm. Rotations of one class never overlap (409).")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new rotation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RotationResponse.class)))
    public RestResponse<RotationResponse> createRotation(
            @PathParam("id") UUID orderClassId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "rotation", value = """
                    {"site": "徐水整车厂总装车间", "startDate": "2025-03-03", "endDate": "2025-05-30", "mentorName": "张师傅"}"""))) @Valid @NotNull
                    RotationRequest request) {
        RotationResponse created = service.create(orderClassId, request);
        return Created.at("/api/v1/rotations/" + created.id(), created);
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Operation(
            summary = "List the rotations of an order class",
            description = "Ordered by start date; cursor-paginated.")
    public Page<RotationResponse> listRotations(
            @PathParam("id") UUID orderClassId,
            @Parameter(description = "startDate (default); prefix - to descend") @QueryParam("sort") @Size(max = 40)
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
        return service.list(orderClassId, sort, PageRequest.of(limit, cursor));
    }
}
