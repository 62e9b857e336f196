package org.placementtracker.compliance;

import java.time.LocalDate;

/**
 * What the rules count in the database, the checked placement included.
 *
 * @param firmPeak post interns at the firm on its busiest day of the placement
 * @param postPeak the same for the placement's post; null when the placement names no post
 * @param firstPostDay the first day of the student's post internships
 * @param postDays the days of the student's post internships, in total
 */
record Counts(Peak firmPeak, Peak postPeak, LocalDate firstPostDay, long postDays) {

    /** A count on its busiest day. */
    record Peak(LocalDate day, long interns) {}
}
