package org.placementtracker.placement;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.Versioned;

@Schema(description = "A placement (送工 / 实习): one student at one firm for one period")
public record PlacementResponse(
        UUID id,
        UUID studentId,
        UUID firmId,
        Placement.Type type,
        @Schema(nullable = true) UUID orderClassId,

        @Schema(description = "Rotation that dispatched it (read-only)", nullable = true, readOnly = true)
        UUID rotationId,

        @Schema(examples = "总装车间装配工", nullable = true) String position,
        @Schema(examples = "2025-03-01") LocalDate startDate,
        @Schema(examples = "2025-08-31") LocalDate endDate,
        @Schema(readOnly = true) Placement.Status status,

        @Schema(description = "Why the status last changed", nullable = true, readOnly = true)
        String statusReason,

        @Schema(description = "The client's own key", nullable = true, examples = "HR-2025-0042")
        String externalRef,

        @Schema(description = "Changes with every write; the ETag of the resource", examples = "3", readOnly = true)
        long version)
        implements Versioned {

    static PlacementResponse of(Placement p) {
        return new PlacementResponse(
                p.id,
                p.studentId,
                p.firmId,
                p.type,
                p.orderClassId,
                p.rotationId,
                p.position,
                p.startDate,
                p.endDate,
                p.status,
                p.statusReason,
                p.externalRef,
                p.version);
    }

    PlacementRequest asRequest() {
        return new PlacementRequest(studentId, firmId, type, orderClassId, position, startDate, endDate, externalRef);
    }
}
