package org.placementtracker.report;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Cumulative placements at one firm")
public record FirmTotal(
        UUID firmId,
        @Schema(examples = "长城汽车股份有限公司") String firmName,
        @Schema(examples = "8231") long personTimes,
        @Schema(examples = "5102") long distinctStudents,

        @Schema(description = "First year with a counted placement", examples = "2014")
        int firstYear,

        @Schema(description = "Last year with a counted placement", examples = "2025")
        int lastYear) {}
