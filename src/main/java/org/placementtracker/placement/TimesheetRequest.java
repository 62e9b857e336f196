package org.placementtracker.placement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "One week of hours worked, as the firm's HR system reports it; a week already reported is "
                + "replaced. Night, overtime and rest-day hours are part of the week's hours.")
public record TimesheetRequest(
        @Schema(
                description = "The placement; required in a batch, optional in the single create (the path's, which "
                        + "it must match)")
        UUID placementId,

        @Schema(
                description = "The Monday the week starts on; the week must overlap the placement",
                examples = "2025-03-03")
        @NotNull
        LocalDate weekStart,

        @Schema(examples = "8") @NotNull @DecimalMin("0") @DecimalMax("24") @Digits(integer = 2, fraction = 2)
        BigDecimal monday,

        @Schema(examples = "8") @NotNull @DecimalMin("0") @DecimalMax("24") @Digits(integer = 2, fraction = 2)
        BigDecimal tuesday,

        @Schema(examples = "8") @NotNull @DecimalMin("0") @DecimalMax("24") @Digits(integer = 2, fraction = 2)
        BigDecimal wednesday,

        @Schema(examples = "8") @NotNull @DecimalMin("0") @DecimalMax("24") @Digits(integer = 2, fraction = 2)
        BigDecimal thursday,

        @Schema(examples = "8") @NotNull @DecimalMin("0") @DecimalMax("24") @Digits(integer = 2, fraction = 2)
        BigDecimal friday,

        @Schema(examples = "0") @NotNull @DecimalMin("0") @DecimalMax("24") @Digits(integer = 2, fraction = 2)
        BigDecimal saturday,

        @Schema(examples = "0") @NotNull @DecimalMin("0") @DecimalMax("24") @Digits(integer = 2, fraction = 2)
        BigDecimal sunday,

        @Schema(description = "Hours worked at night in the week; defaults to 0", examples = "0")
        @DecimalMin("0")
        @DecimalMax("168")
        @Digits(integer = 3, fraction = 2)
        BigDecimal nightHours,

        @Schema(description = "Overtime hours in the week; defaults to 0", examples = "0")
        @DecimalMin("0")
        @DecimalMax("168")
        @Digits(integer = 3, fraction = 2)
        BigDecimal overtimeHours,

        @Schema(description = "Hours on rest days or statutory holidays in the week; defaults to 0", examples = "0")
        @DecimalMin("0")
        @DecimalMax("168")
        @Digits(integer = 3, fraction = 2)
        BigDecimal restDayHours) {}
