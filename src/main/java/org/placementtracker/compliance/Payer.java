package org.placementtracker.compliance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who pays a placement's liability insurance; STUDENT is recorded so that the breach can be shown. */
@Schema(name = "InsurancePayer")
public enum Payer {
    SCHOOL,
    FIRM,
    SCHOOL_AND_FIRM,
    GOVERNMENT,
    STUDENT
}
