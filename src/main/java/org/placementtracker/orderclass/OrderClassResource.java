package org.placementtracker.orderclass;

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
import org.placementtracker.common.MergePatch;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.Text;
import org.placementtracker.idempotency.Idempotent;

@Path("/api/v1/order-classes")
@Tag(
        name = "Order classes",
        description = "Classes run for one firm (订单班, dual-system, apprenticeship) and their members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderClassResource {

    static final String EXAMPLE = """
            {"name": "长城汽车订单班2024级", "firmId": "7b1e2c9a-4f3d-4a8e-9c2b-1d5e6f7a8b9c",
             "majorCode": "700206", "intakeYear": 2024, "quota": 45, "programme": "DUAL_SYSTEM"}""";

    private final OrderClassService service;

    public OrderClassResource(OrderClassService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN, OFFICER})
    @POST
    @Idempotent
    @ResponseStatus(201)
    @Operation(summary = "Create an order class", description = "Firm and major must exist; status defaults to OPEN.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new order class",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderClassResponse.class)))
    public RestResponse<OrderClassResponse> createOrderClass(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "orderClass", value = EXAMPLE)))
                    @Valid
                    @NotNull
                    OrderClassRequest request) {
        OrderClassResponse created = service.create(request);
        return Created.at("/api/v1/order-classes/" + created.id(), created);
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Operation(summary = "List order classes", description = "Cursor-paginated; follow nextCursor until it is null.")
    public Page<OrderClassResponse> listOrderClasses(
            @Parameter(description = "Firm id") @QueryParam("firmId") UUID firmId,
            @Parameter(description = "Major code") @QueryParam("majorCode") @Size(max = 12) String majorCode,
            @Parameter(description = "Intake year") @QueryParam("intakeYear") @Min(1900) @Max(2200) Integer intakeYear,
            @Parameter(description = "ORDER_CLASS, DUAL_SYSTEM or MODERN_APPRENTICESHIP") @QueryParam("programme")
                    OrderClass.Programme programme,
            @Parameter(description = "OPEN or CLOSED") @QueryParam("status") OrderClass.Status status,
            @Parameter(description = "Part of the name") @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "name (default), intakeYear or createdAt; prefix - to descend")
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
        OrderClassService.Filter filter = new OrderClassService.Filter(
                firmId, Text.blankToNull(majorCode), intakeYear, programme, status, Text.blankToNull(q));
        return service.list(filter, sort, PageRequest.of(limit, cursor));
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/{id}")
    @Operation(summary = "Get an order class", description = "memberCount is the current number of members.")
    public OrderClassResponse getOrderClass(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            summary = "Change an order class",
            description = "JSON Merge Patch (RFC 7396). The quota cannot go below the current members; closing frees "
                    + "members to join another open class.")
    public OrderClassResponse patchOrderClass(
            @PathParam("id") UUID id,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = OrderClassRequest.class),
                                            examples =
                                                    @ExampleObject(name = "close", value = "{\"status\": \"CLOSED\"}")))
                    @NotNull
                    JsonNode patch) {
        return service.patch(id, patch);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Delete an order class", description = "Only an empty class without rotations or placements.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteOrderClass(@PathParam("id") UUID id) {
        service.delete(id);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @POST
    @Idempotent
    @Path("/{id}/members")
    @ResponseStatus(201)
    @Operation(
            summary = "Add a member to an order class",
            description = "409 when the class is full (the quota holds under concurrent requests), closed, or the "
                    + "student is already in an open order class.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberResponse.class)))
    public RestResponse<MemberResponse> addMember(
            @PathParam("id") UUID id,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "member",
                                                            value =
                                                                    "{\"studentId\": \"3f6c1a52-8d7e-4f0b-9a51-2b8e6f0c9d11\"}")))
                    @Valid
                    @NotNull
                    MemberRequest request) {
        MemberResponse added = service.enrol(id, request);
        return Created.at("/api/v1/order-classes/" + id + "/members/" + added.studentId(), added);
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER})
    @GET
    @Path("/{id}/members")
    @Operation(
            summary = "List the members of an order class",
            description = "Ordered by student number; cursor-paginated.")
    public Page<MemberResponse> listMembers(
            @PathParam("id") UUID id,
            @Parameter(description = "studentNo (default) or joinedAt; prefix - to descend")
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
        return service.members(id, sort, PageRequest.of(limit, cursor));
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER})
    @GET
    @Path("/{id}/members/{studentId}")
    @Operation(summary = "Get one member of an order class", description = "404 if the student is not a member.")
    public MemberResponse getMember(@PathParam("id") UUID id, @PathParam("studentId") UUID studentId) {
        return service.member(id, studentId);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @DELETE
    @Path("/{id}/members/{studentId}")
    @ResponseStatus(204)
    @Operation(
            summary = "Remove a member from an order class",
            description = "Frees a place in the quota; 404 if the student is not a member.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeMember(@PathParam("id") UUID id, @PathParam("studentId") UUID studentId) {
        service.remove(id, studentId);
    }
}
