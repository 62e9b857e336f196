package org.placementtracker.placement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One week of a placement's hours worked")
public record TimesheetResponse(
        UUID id,
        UUID placementId,
        @Schema(examples = "2025-03-03") LocalDate weekStart,
        @Schema(examples = "8") BigDecimal monday,
        @Schema(examples = "8") BigDecimal tuesday,
        @Schema(examples = "8") BigDecimal wednesday,
        @Schema(examples = "8") BigDecimal thursday,
        @Schema(examples = "8") BigDecimal friday,
        @Schema(examples = "0") BigDecimal saturday,
        @Schema(examples = "0") BigDecimal sunday,
        @Schema(examples = "0") BigDecimal nightHours,
        @Schema(examples = "0") BigDecimal overtimeHours,
        @Schema(examples = "0") BigDecimal restDayHours,

        @Schema(description = "Changes with every write", examples = "0", readOnly = true)
        long version) {

    static TimesheetResponse of(Timesheet t) {
        return new TimesheetResponse(
                t.id,
                t.placementId,
                t.weekStart,
                t.monday,
                t.tuesday,
                t.wednesday,
                t.thursday,
                t.friday,
                t.saturday,
                t.sunday,
                t.nightHours,
                t.overtimeHours,
                t.restDayHours,
                t.version);
    }
}
