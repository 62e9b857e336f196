package org.placementtracker.placement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A placement as created or patched; its status moves only through the status operation")
public record PlacementRequest(
        @NotNull UUID studentId,
        @NotNull UUID firmId,
        @Schema(examples = "POST_INTERNSHIP") @NotNull Placement.Type type,

        @Schema(description = "Order class the placement belongs to, optional; must be run for the same firm")
        UUID orderClassId,

        @Schema(examples = "总装车间装配工") @Size(max = 200) String position,
        @Schema(examples = "2025-03-01") @NotNull LocalDate startDate,
        @Schema(examples = "2025-08-31") @NotNull LocalDate endDate,

        @Schema(
                description = "The client's own key, optional and unique within the firm; a batch import row "
                        + "with a known key updates that placement",
                examples = "HR-2025-0042")
        @Size(max = 100)
        String externalRef) {}
