package org.placementtracker.security;

import static org.placementtracker.security.Roles.ADMIN;
import static org.placementtracker.security.Roles.OFFICER;

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

@Path("/api/v1/api-keys")
@Tag(
        name = "API keys",
        description = "Credentials of machine clients (partner HR systems, scripts). Send a key as "
                + "`Authorization: Bearer <key>`. ADMIN manages all keys; OFFICER only PARTNER and VIEWER keys.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final ApiKeyService service;
    private final CurrentCaller caller;

    public ApiKeyResource(ApiKeyService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @RolesAllowed({ADMIN, OFFICER})
    @POST
    @Idempotent
    @ResponseStatus(201)
    @Operation(
            summary = "Create an API key",
            description = "The answer carries the key itself, once: only its hash is stored. PARTNER keys need firmId.")
    @APIResponse(
            responseCode = "201",
            description = "Created; store the key now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiKeyResponse.class)))
    public RestResponse<ApiKeyResponse> createApiKey(
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "partner",
                                                            value =
                                                                    "{\"name\": \"长城汽车HR系统\", \"role\": \"PARTNER\", "
                                                                            + "\"firmId\": \"7b1e2c9a-4f3d-4a8e-9c2b-1d5e6f7a8b9c\", \"expiresAt\": \"2027-07-31T23:59:59Z\"}")))
                    @Valid
                    @NotNull
                    ApiKeyRequest request) {
        ApiKeyResponse created = service.create(request, caller.required());
        return Created.at("/api/v1/api-keys/" + created.id(), created);
    }

    @RolesAllowed({ADMIN, OFFICER})
    @GET
    @Operation(summary = "List API keys", description = "Never shows the keys. Officers see PARTNER and VIEWER keys.")
    public Page<ApiKeyResponse> listApiKeys(
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
        return service.list(PageRequest.of(limit, cursor), caller.required());
    }

    @RolesAllowed({ADMIN, OFFICER})
    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Revoke an API key", description = "The key stops working at once.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revokeApiKey(@PathParam("id") UUID id) {
        service.revoke(id, caller.required());
    }
}
