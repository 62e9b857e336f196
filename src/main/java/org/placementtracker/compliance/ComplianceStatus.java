package org.placementtracker.compliance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An open breach as its placement shows it. */
@Schema(name = "ComplianceStatus", description = "A rule the placement breaks, found when it was last written")
public record ComplianceStatus(
        @Schema(examples = "insurance-coverage") Rule rule,

        @Schema(
                description = "The rule's mode when the breach was found: WARN, or BLOCK for a breach that later "
                        + "data caused (a BLOCK breach is refused when the placement itself is written)",
                examples = "WARN")
        Mode status,

        @Schema(examples = "insurance covers 2025-03-01 to 2025-08-30, not every day to 2025-08-31")
        String detail) {}
