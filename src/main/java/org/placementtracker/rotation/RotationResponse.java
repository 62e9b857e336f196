package org.placementtracker.rotation;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A work-study rotation (工学交替 phase)")
public record RotationResponse(
        UUID id,
        @Schema(readOnly = true) UUID orderClassId,
        UUID firmId,
        @Schema(examples = "徐水整车厂总装车间", nullable = true) String site,
        @Schema(examples = "2025-03-03") LocalDate startDate,
        @Schema(examples = "2025-05-30") LocalDate endDate,
        @Schema(examples = "张师傅", nullable = true) String mentorName,
        Rotation.Status status) {

    static RotationResponse of(Rotation r) {
        return new RotationResponse(r.id, r.orderClassId, r.firmId, r.site, r.startDate, r.endDate, r.mentorName,
                r.status);
    }

    RotationRequest asRequest() {
        return new RotationRequest(firmId, site, startDate, endDate, mentorName, status);
    }
}
