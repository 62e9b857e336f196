package org.placementtracker.orderclass;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An order class (订单班) as created or patched")
public record OrderClassRequest(
        @Schema(examples = "长城汽车订单班2024级") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "The firm the class is run for") @NotNull
        UUID firmId,

        @Schema(examples = "700206") @NotBlank @Size(max = 12)
        String majorCode,

        @Schema(examples = "2024") @NotNull @Min(1990) @Max(2100)
        Integer intakeYear,

        @Schema(description = "Maximum number of members", examples = "45") @NotNull @Min(1) @Max(10000)
        Integer quota,

        @Schema(examples = "DUAL_SYSTEM") @NotNull OrderClass.Programme programme,

        @Schema(description = "Defaults to OPEN", examples = "OPEN")
        OrderClass.Status status) {}
