package org.placementtracker.compliance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a rule does when data breaks it; set per rule in configuration. */
@Schema(name = "ComplianceMode", description = "BLOCK refuses with 422, WARN saves and flags, OFF is not checked")
public enum Mode {
    BLOCK,
    WARN,
    OFF
}
