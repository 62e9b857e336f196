package org.placementtracker.rotation;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.Versioned;

@Schema(description = "A work-study rotation (工学交替 phase)")
public record RotationResponse(
        UUID id,
        @Schema(readOnly = true) UUID orderClassId,
        UUID firmId,
        @Schema(examples = "徐水整车厂总装车间", nullable = true) String site,
        @Schema(examples = "2025-03-03") LocalDate startDate,
        @Schema(examples = "2025-05-30") LocalDate endDate,
        @Schema(examples = "张师傅", nullable = true) String mentorName,
        Rotation.Status status,

        @Schema(description = "Changes with every write; the ETag of the resource", examples = "3", readOnly = true)
        long version)
        implements Versioned {

    static RotationResponse of(Rotation r) {
        return new RotationResponse(
                r.id, r.orderClassId, r.firmId, r.site, r.startDate, r.endDate, r.mentorName, r.status, r.version);
    }

    RotationRequest asRequest() {
        return new RotationRequest(firmId, site, startDate, endDate, mentorName, status);
    }
}
