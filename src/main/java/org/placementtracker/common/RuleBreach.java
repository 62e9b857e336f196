package org.placementtracker.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rule that a refused write would break, as a 422 problem lists it (the rules: compliance/Rule). */
@Schema(name = "RuleBreach")
public record RuleBreach(
        @Schema(description = "The rule's stable id", examples = "min-age-16")
        String rule,

        @Schema(description = "Where the rule comes from", examples = "Art. 16(2)")
        String article,

        @Schema(examples = "the student is under 16 on the first day, 2025-03-01")
        String detail) {}
