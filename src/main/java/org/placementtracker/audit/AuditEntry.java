package org.placementtracker.audit;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One change of an entity (or an admin's reveal of a student's ID number)")
public record AuditEntry(
        @Schema(description = "Revision number; increases with every audited transaction", examples = "4711")
        long revision,

        Instant occurredAt,

        @Schema(description = "Credential name (API key name or token user)", examples = "officer-li")
        String actor,

        @Schema(examples = "OFFICER") String role,

        @Schema(description = "CREATE, UPDATE, STATUS_CHANGE, DELETE or REVEAL", examples = "STATUS_CHANGE")
        String operation,

        @Schema(description = "Fields that changed, with their values before and after")
        List<Change> changes) {

    @Schema(description = "One field's change; ID numbers show only their last 4 characters")
    public record Change(
            @Schema(examples = "status") String field,
            @Schema(examples = "PLANNED", nullable = true) Object before,
            @Schema(examples = "ACTIVE", nullable = true) Object after) {}
}
