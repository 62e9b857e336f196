package org.placementtracker.audit;

import static org.placementtracker.security.Roles.ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.EntityType;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;

@Path("/api/v1/audit")
@Tag(
        name = "Audit",
        description = "Who changed what, when: every create, update, status change and delete (ADMIN only)")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService service;

    public AuditResource(AuditService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN})
    @GET
    @Operation(
            summary = "History of one entity",
            description = "Newest first, cursor-paginated. Each entry names the actor (credential name and role), the "
                    + "time, the operation and each changed field's value before and after. A student's history also "
                    + "lists every reveal of its ID number.")
    public Page<AuditEntry> history(
            @Parameter(description = "What kind of record", required = true) @QueryParam("entityType") @NotNull
                    EntityType entityType,
            @Parameter(
                            description = "The entity's id (a major's code; a member's orderClassId/studentId)",
                            required = true)
                    @QueryParam("entityId")
                    @NotNull
                    @Size(min = 1, max = 80)
                    String entityId,
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
        return service.history(entityType, entityId.trim(), PageRequest.of(limit, cursor));
    }
}
