package org.placementtracker.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rule that a refused write would break, as a 422 problem lists it (the rules: compliance/Rule). */
@Schema(name = "RuleBreach")
public record RuleBreach(
        @Schema(description = "The batch row that would break it (from 0); absent outside a batch", examples = "3")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Integer row,

        @Schema(description = "The rule's stable id", examples = "min-age-16")
        String rule,

        @Schema(description = "Where the rule comes from", examples = "Art. 16(2)")
        String article,

        @Schema(examples = "the student is under 16 on the first day, 2025-03-01")
        String detail) {

    public RuleBreach(String rule, String article, String detail) {
        this(null, rule, article, detail);
    }

    /** The breach as row {@code row} of a batch would cause it. */
    public RuleBreach ofRow(int row) {
        return new RuleBreach(row, rule, article, detail);
    }
}
