package org.placementtracker.rotation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A work-study rotation as created or patched")
public record RotationRequest(
        @Schema(description = "Defaults to the order class's firm")
        UUID firmId,

        @Schema(examples = "徐水整车厂总装车间") @Size(max = 200) String site,
        @Schema(examples = "2025-03-03") @NotNull LocalDate startDate,
        @Schema(examples = "2025-05-30") @NotNull LocalDate endDate,

        @Schema(description = "Firm mentor (师傅)", examples = "张师傅") @Size(max = 100)
        String mentorName,

        @Schema(
                description = "Defaults to PLANNED; CANCELLED cancels its still-planned placements",
                examples = "PLANNED")
        Rotation.Status status) {}
