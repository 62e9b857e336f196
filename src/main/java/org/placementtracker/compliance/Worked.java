package org.placementtracker.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a placement's timesheets report, for the working-time rules: for each kind of hours, the
 * first week that has them (null when none) and the hours in it.
 */
public record Worked(
        LocalDate longestDayWeek,
        BigDecimal longestDay,
        LocalDate nightWeek,
        BigDecimal nightHours,
        LocalDate overtimeWeek,
        BigDecimal overtimeHours,
        LocalDate restDayWeek,
        BigDecimal restDayHours) {

    /** No timesheets. */
    public static final Worked NONE = new Worked(null, null, null, null, null, null, null, null);
}
