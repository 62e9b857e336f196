package org.placementtracker.compliance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How often an intern is paid; the rules ask for at least monthly. */
@Schema(name = "PayPeriod")
public enum PayPeriod {
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    AT_END;

    boolean atLeastMonthly() {
        return this == WEEKLY || this == MONTHLY;
    }
}
