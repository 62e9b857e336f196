package org.placementtracker.changes;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.EntityType;

@Schema(description = "One committed change: ids only; fetch the resource through its own endpoint")
public record ChangeEvent(
        @Schema(description = "Position of this event; pass it as after= to continue behind it")
        String cursor,

        @Schema(description = "What kind of record changed", examples = "placement")
        EntityType entityType,

        @Schema(description = "Id of the changed resource (a major's code; order class id/student id for members)")
        String entityId,

        @Schema(examples = "UPDATE") ChangeOperation operation,
        Instant occurredAt) {}
