package org.placementtracker.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.placement.YearBasis;

@Schema(description = "Placements per firm over a range of years (all time when no range is given), largest first")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FirmTotals(
        @Schema(nullable = true, examples = "2014") Integer from,
        @Schema(nullable = true, examples = "2025") Integer to,
        YearBasis yearBasis,
        String countingRule,
        List<FirmTotal> rows) {}
