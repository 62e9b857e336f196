package org.placementtracker.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The school year (September to August) and the week rhythm placements are planned in. */
final class SchoolCalendar {

    private SchoolCalendar() {}

    /** The year the school year containing this day started in. */
    static int schoolYearOf(LocalDate day) {
        return day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
    }

    /**
     * The day the planned placements end: the end of the current school year, or of the next one
     * from June on, by when the school has planned its classes, rotations and internships.
     */
    static LocalDate planningHorizon(LocalDate today) {
        return LocalDate.of(schoolYearOf(today.plusMonths(3)) + 1, 9, 1);
    }

    /** The latest intake year: admissions are settled in July. */
    static int latestIntake(LocalDate today) {
        return today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
    }

    /** A cohort leaves at the end of its third school year. */
    static LocalDate graduation(int cohort) {
        return LocalDate.of(cohort + 3, 7, 1);
    }

    /** Placements start on a Monday. */
    static LocalDate mondayFrom(int year, int month, int day) {
        return LocalDate.of(year, month, day).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    /** ... and end on the Friday of their last week. */
    static LocalDate fridayOfWeek(LocalDate monday, int weeks) {
        return monday.plusWeeks(weeks).minusDays(3);
    }
}
