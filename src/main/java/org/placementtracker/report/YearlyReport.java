package org.placementtracker.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.placement.YearBasis;

@Schema(description = "Placements per year: person-times (人次, placements) and distinct students (人数)")
public record YearlyReport(
        @Schema(examples = "2014") int from,
        @Schema(examples = "2025") int to,
        YearBasis yearBasis,

        @Schema(nullable = true) @JsonInclude(JsonInclude.Include.NON_NULL)
        GroupBy groupBy,

        @Schema(description = "How the numbers were counted")
        String countingRule,

        @Schema(
                description = "Without groupBy one row per year of the range, zeros included; with groupBy one row "
                        + "per year and group that has placements")
        List<Row> rows,

        Totals totals) {

    public static final String COUNTING_RULE = "A placement counts in the year of its startDate; CANCELLED "
            + "placements never count, all other statuses do. personTimes = number of placements (人次); "
            + "distinctStudents = number of different students among them (人数). Totals count distinct students "
            + "across the whole range, not the sum of the years.";

    @Schema(description = "One year, or one year of one group")
    public record Row(
            @Schema(examples = "2024") int year,

            @Schema(
                    description = "Group id or code; absent without groupBy. \"none\" groups placements without a "
                            + "firm, major or order class; for a partner, \"other\" groups placements in order classes of "
                            + "another firm, whose ids and names it does not see",
                    nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String key,

            @Schema(description = "Group name; absent without groupBy", examples = "长城汽车股份有限公司", nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String label,

            @Schema(examples = "4012") long personTimes,
            @Schema(examples = "3790") long distinctStudents) {}

    @Schema(description = "The whole range: distinct students are counted once across all years")
    public record Totals(long personTimes, long distinctStudents) {}
}
