package org.placementtracker.placement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "A status change: PLANNED→ACTIVE→COMPLETED, PLANNED|ACTIVE→TERMINATED (reason required), PLANNED→CANCELLED")
public record StatusChangeRequest(
        @Schema(examples = "TERMINATED") @NotNull Placement.Status status,

        @Schema(examples = "学生因病返校", nullable = true) @Size(max = 500)
        String reason) {}
