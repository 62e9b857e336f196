package org.placementtracker.common;

import java.time.LocalDate;

/** An inclusive date range, as placements and rotations use them. */
public record Period(LocalDate start, LocalDate end) {

    /** The period, or a 400 problem naming endDate when it ends before it starts. */
    public static Period of(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw ProblemException.invalid("endDate", "must not be before startDate");
        }
        return new Period(start, end);
    }

    public boolean overlaps(Period other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }
}
