package org.placementtracker.compliance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A placement as the rules see it, with what they need of its student and firm.
 *
 * @param active the placement is ACTIVE or being made so: its documents are due even before the first day
 * @param ended the placement is COMPLETED or TERMINATED: what it breaks is shown, not refused
 * @param postStaff the on-post staff the firm declares for the placement's post; null when it declares none
 * @param postProhibited the firm marks the placement's post prohibited for interns
 * @param worked what its timesheets report
 */
public record Subject(
        UUID placementId,
        UUID studentId,
        UUID firmId,
        Kind kind,
        LocalDate start,
        LocalDate end,
        String position,
        boolean active,
        boolean ended,
        LocalDate birthDate,
        int cohortYear,
        String majorCode,
        int headcount,
        Integer postStaff,
        boolean postProhibited,
        boolean labourIntermediary,
        boolean prohibitedVenue,
        Terms terms,
        Worked worked) {

    boolean minorOnFirstDay() {
        return birthDate.plusYears(18).isAfter(start);
    }

    long days() {
        return end.toEpochDay() - start.toEpochDay() + 1;
    }
}
