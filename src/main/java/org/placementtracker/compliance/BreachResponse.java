package org.placementtracker.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A national internship rule a placement breaks (or broke, once resolved)")
public record BreachResponse(
        UUID id,
        UUID placementId,
        UUID studentId,
        UUID firmId,
        @Schema(examples = "insurance-coverage") Rule rule,

        @Schema(description = "Where the rule comes from", examples = "Art. 35 (inferred)")
        String article,

        @Schema(description = "The rule's mode when the breach was found", examples = "WARN")
        Mode mode,

        BreachStatus status,

        @Schema(examples = "insurance covers 2025-03-01 to 2025-08-30, not every day to 2025-08-31")
        String detail,

        @Schema(description = "The placement's first day", examples = "2025-03-01")
        LocalDate placementStart,

        Instant detectedAt,
        @Schema(nullable = true) Instant resolvedAt) {

    static BreachResponse of(ComplianceBreach b) {
        Rule rule = Rule.byId(b.rule);
        return new BreachResponse(
                b.id,
                b.placementId,
                b.studentId,
                b.firmId,
                rule,
                rule.article(),
                b.mode,
                b.status,
                b.detail,
                b.placementStart,
                b.detectedAt,
                b.resolvedAt);
    }
}
