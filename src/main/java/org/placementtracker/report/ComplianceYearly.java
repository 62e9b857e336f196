package org.placementtracker.report;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.compliance.Rule;

@Schema(description = "Breaches of the internship rules per year and rule")
public record ComplianceYearly(
        @Schema(examples = "2022") int from,
        @Schema(examples = "2025") int to,

        @Schema(description = "How the numbers were counted")
        String countingRule,

        @Schema(description = "One row per year and rule that has breaches")
        List<Row> rows,

        @Schema(description = "The whole range, per rule") List<Row> totals) {

    public static final String COUNTING_RULE = "A breach counts in the calendar year of its placement's startDate. "
            + "open = breaches that still hold; resolved = breaches the data no longer shows; placements = "
            + "different placements with a breach of the rule.";

    @Schema(name = "ComplianceYearlyRow", description = "One year and rule, or one rule over the range")
    public record Row(
            @Schema(description = "The year; absent in totals", examples = "2024", nullable = true)
            Integer year,

            @Schema(examples = "insurance-coverage") Rule rule,
            @Schema(examples = "Art. 35 (inferred)") String article,
            @Schema(examples = "12") long open,
            @Schema(examples = "30") long resolved,
            @Schema(examples = "41") long placements) {}
}
