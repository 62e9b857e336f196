package org.placementtracker.changes;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One committed change: ids only; fetch the resource through its own endpoint")
public record ChangeEvent(
        @Schema(description = "Position of this event; pass it as after= to continue behind it") String cursor,
        @Schema(description = "major, student, firm, order-class, order-class-member, rotation or placement",
                examples = "placement") String entityType,
        @Schema(description = "Id of the changed resource (a major's code; order class id/student id for members)")
        String entityId,
        @Schema(description = "CREATE, UPDATE or DELETE", examples = "UPDATE") String operation,
        Instant occurredAt) {
}
