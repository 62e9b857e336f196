package org.placementtracker.placement;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;

/** Which year a placement counts in: that of its start date, or the academic year it starts in. */
public enum YearBasis {
    CALENDAR("calendar"),
    ACADEMIC("academic");

    private final String parameter;

    YearBasis(String parameter) {
        this.parameter = parameter;
    }

    @JsonValue
    public String parameter() {
        return parameter;
    }

    /** First day of the year labelled {@code year}: 1 January, or 1 September for the academic year. */
    public LocalDate firstDay(int year) {
        return this == CALENDAR ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 9, 1);
    }

    /** The SQL expression of the year label of {@code p.start_date}; a constant, never user text. */
    public String sqlYear() {
        return this == CALENDAR
                ? "extract(year from p.start_date)::int"
                : "extract(year from (p.start_date - interval '8 months'))::int";
    }

    public String rule() {
        return this == CALENDAR
                ? "counted in the calendar year of the start date"
                : "counted in the academic year of the start date (year N runs N-09-01 to N+1-08-31)";
    }
}
