package org.placementtracker.firm;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

    @POST
    @Idempotent
    @ResponseStatus(201)
    @Operation(summary = "Create a partner firm", description = "Name and credit code are unique; status defaults to ACTIVE.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new firm")
    public RestResponse<FirmResponse> createFirm(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "firm", value = EXAMPLE)))
            @Valid @NotNull FirmRequest request) {
        FirmResponse created = service.create(request);
        return Created.at("/api/v1/firms/" + created.id(), created);
    }

    @GET
    @Operation(summary = "List partner firms", description = "Cursor-paginated; follow nextCursor until it is null.")
    public Page<FirmResponse> listFirms(
            @Parameter(description = "Part of the name or credit code") @QueryParam("q") String q,
            @Parameter(description = "Industry, exactly") @QueryParam("industry") String industry,
            @Parameter(description = "ACTIVE or INACTIVE") @QueryParam("status") String status,
            @Parameter(description = "name (default, pinyin order) or createdAt; prefix - to descend")
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        FirmService.Filter filter = new FirmService.Filter(QueryParams.optionalText("q", q, 100),
                QueryParams.optionalText("industry", industry, 100),
                QueryParams.optionalEnum("status", status, Firm.Status.class));
        return service.list(filter, sort, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a partner firm", description = "404 when no firm has this id.")
    public FirmResponse getFirm(@PathParam("id") String id) {
        return service.get(Ids.pathId("Firm", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change a partner firm", description = "JSON Merge Patch (RFC 7396); null removes an optional field.")
    public FirmResponse patchFirm(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, examples = @ExampleObject(name = "deactivate",
                    value = "{\"status\": \"INACTIVE\", \"contactPhone\": null}"))) @NotNull JsonNode patch) {
        return service.patch(Ids.pathId("Firm", id), patch);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Delete a partner firm", description = "Refused with 409 while placements or order classes refer to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteFirm(@PathParam("id") String id) {
        service.delete(Ids.pathId("Firm", id));
    }
}
