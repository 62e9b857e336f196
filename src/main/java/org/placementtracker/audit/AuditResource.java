package org.placementtracker.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.ProblemException;

@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Who changed what, when: every create, update, status change and delete (ADMIN only)")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService service;

    public AuditResource(AuditService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "History of one entity",
            description = "Newest first, cursor-paginated. Each entry names the actor (credential name and role), the "
                    + "time, the operation and each changed field's value before and after. A student's history also "
                    + "lists every reveal of its ID number.")
    public Page<AuditEntry> history(
            @Parameter(description = "major, student, firm, order-class, order-class-member, rotation, placement or api-key",
                    required = true) @QueryParam("entityType") String entityType,
            @Parameter(description = "The entity's id (a major's code; a member's orderClassId/studentId)", required = true)
            @QueryParam("entityId") String entityId,
            @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        if (entityType == null || entityType.isBlank()) {
            throw ProblemException.invalidQuery("entityType", "is required");
        }
        if (entityId == null || entityId.isBlank() || entityId.length() > 80) {
            throw ProblemException.invalidQuery("entityId", "is required");
        }
        return service.history(entityType.trim(), entityId.trim(), PageRequest.of(limit, cursor));
    }
}
