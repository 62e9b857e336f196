package org.placementtracker.compliance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A national internship rule and the mode this service runs it in")
public record RuleResponse(
        @Schema(examples = "min-age-16") Rule rule,
        @Schema(examples = "Art. 16(2)") String article,

        @Schema(examples = "No post internship for a student under 16 on its first day")
        String summary,

        @Schema(examples = "WARN") Mode mode) {}
