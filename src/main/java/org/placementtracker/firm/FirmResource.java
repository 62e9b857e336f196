package org.placementtracker.firm;

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

@Path("/api/v1/firms")
@Tag(name = "Firms", description = "Partner firms, identified by their Unified Social Credit Code")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FirmResource {

    static final String EXAMPLE = """
            {"name": "长城汽车股份有限公司", "creditCode": "91130600105768230Q", "industry": "汽车制造",
             "district": "保定市莲池区", "address": "朝阳南大街2266号", "contactName": "王经理",
             "contactPhone": "0312-2196000", "headcount": 12000}""";

    private final FirmService service;

    public FirmResource(FirmService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN, OFFICER})
    @POST
    @Idempotent
    @ResponseStatus(201)
    @Operation(
            summary = "Create a partner firm",
            description = "Name and credit code are unique; status defaults to ACTIVE.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new firm",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FirmResponse.class)))
    public RestResponse<FirmResponse> createFirm(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "firm", value = EXAMPLE))) @Valid @NotNull
                    FirmRequest request) {
        FirmResponse created = service.create(request);
        return Created.at("/api/v1/firms/" + created.id(), created);
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Operation(summary = "List partner firms", description = "Cursor-paginated; follow nextCursor until it is null.")
    public Page<FirmResponse> listFirms(
            @Parameter(description = "Part of the name or credit code") @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "Industry, exactly") @QueryParam("industry") @Size(max = 100) String industry,
            @Parameter(description = "ACTIVE or INACTIVE") @QueryParam("status") Firm.Status status,
            @Parameter(description = "name (default, pinyin order) or createdAt; prefix - to descend")
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
        FirmService.Filter filter = new FirmService.Filter(Text.blankToNull(q), Text.blankToNull(industry), status);
        return service.list(filter, sort, PageRequest.of(limit, cursor));
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/{id}")
    @Operation(summary = "Get a partner firm", description = "404 when no firm has this id.")
    public FirmResponse getFirm(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            summary = "Change a partner firm",
            description = "JSON Merge Patch (RFC 7396); null removes an optional field.")
    public FirmResponse patchFirm(
            @PathParam("id") UUID id,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = FirmRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "deactivate",
                                                            value =
                                                                    "{\"status\": \"INACTIVE\", \"contactPhone\": null}")))
                    @NotNull
                    JsonNode patch) {
        return service.patch(id, patch);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(
            summary = "Delete a partner firm",
            description = "Refused with 409 while placements or order classes refer to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteFirm(@PathParam("id") UUID id) {
        service.delete(id);
    }
}
