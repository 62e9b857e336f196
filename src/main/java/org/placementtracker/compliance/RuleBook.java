package org.placementtracker.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules as functions of the data: given a placement, what the database counts and the day it
 * is, which rules it breaks and why. No database and no clock here, so each boundary is a plain test.
 * A breach's detail names dates and numbers, never the student's birth date or other personal data.
 */
final class RuleBook {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal EIGHTY = BigDecimal.valueOf(80);
    private static final BigDecimal EIGHT_HOURS = BigDecimal.valueOf(8);

    private RuleBook() {}

    /** A rule broken, and why. */
    record Found(Rule rule, String detail) {}

    /**
     * The rules {@code s} breaks among those not OFF.
     *
     * @param months the months of post internship a student of a major may have in total
     * @param today the day it is: documents not yet due are no breach
     */
    static List<Found> evaluate(Subject s, Counts counts, Map<Rule, Mode> modes, Months months, LocalDate today) {
        List<Found> found = new ArrayList<>();
        Terms t = s.terms();
        // Documents and pay are due from the first day, or when the placement is made active earlier.
        boolean due = s.active() || !s.start().isAfter(today);
        for (Rule rule : Rule.values()) {
            if (modes.get(rule) == Mode.OFF || !rule.appliesTo(s.kind())) {
                continue;
            }
            String detail = switch (rule) {
                case MIN_AGE ->
                    s.birthDate().plusYears(16).isAfter(s.start())
                            ? "the student is under 16 on the first day, " + s.start()
                            : null;
                case FIRST_SCHOOL_YEAR -> {
                    LocalDate secondYear = LocalDate.of(s.cohortYear() + 1, 9, 1);
                    yield s.start().isBefore(secondYear)
                            ? "starts on " + s.start() + ", in the first school year of the " + s.cohortYear()
                                    + " intake (post internships from " + secondYear + ")"
                            : null;
                }
                case FIRM_SHARE -> share(counts.firmPeak(), s.headcount(), 10, "the firm's on-post staff");
                case POST_SHARE ->
                    s.position() == null
                            ? "the placement names no post, so its share of the post's staff is unknown"
                            : s.postStaff() == null
                                    ? "the firm declares no staff for the post '" + s.position() + "'"
                                    : share(
                                            counts.postPeak(),
                                            s.postStaff(),
                                            20,
                                            "the staff of the post '" + s.position() + "'");
                case LENGTH -> length(counts, months.of(s.majorCode()));
                case PAY -> pay(t, due);
                case AGREEMENT -> document(t.agreementSignedOn(), "signed tripartite agreement", s, due);
                case GUARDIAN_CONSENT ->
                    s.minorOnFirstDay()
                            ? document(t.guardianConsentOn(), "guardian's consent (the student is under 18)", s, due)
                            : null;
                case INSURANCE -> insurance(t, s, due);
                case WORKING_TIME -> workingTime(t, s.worked());
                case MINOR_HOURS -> s.minorOnFirstDay() ? minorHours(t, s.worked()) : null;
                case INTERMEDIARY ->
                    s.labourIntermediary()
                            ? "the firm is a labour intermediary; interns are placed with the employer itself"
                            : null;
                case PROHIBITED ->
                    s.prohibitedVenue()
                            ? "the firm is an entertainment venue where interns may not be placed"
                            : s.postProhibited()
                                    ? "the firm marks the post '" + s.position() + "' prohibited for interns"
                                    : null;
            };
            if (detail != null) {
                found.add(new Found(rule, detail));
            }
        }
        return found;
    }

    /** Months of post internship allowed per major. */
    interface Months {
        int of(String majorCode);
    }

    /** Interns above {@code percent} of {@code staff} on the busiest day. */
    private static String share(Counts.Peak peak, int staff, int percent, String of) {
        if (staff <= 0) {
            return "no on-post staff recorded for " + of + ", so no intern fits within " + percent + "%";
        }
        if (peak.interns() * 100 <= (long) staff * percent) {
            return null;
        }
        return peak.interns() + " post interns on " + peak.day() + ", more than " + percent + "% of " + of + " ("
                + staff + "; at most " + (long) staff * percent / 100 + ")";
    }

    /** The days allowed are those of {@code months} calendar months from the first day of post internship. */
    private static String length(Counts counts, int months) {
        LocalDate first = counts.firstPostDay();
        long allowed = first.plusMonths(months).toEpochDay() - first.toEpochDay();
        return counts.postDays() > allowed
                ? counts.postDays() + " days of post internship in total, more than " + months + " months (" + allowed
                        + " days from " + first + ")"
                : null;
    }

    private static String pay(Terms t, boolean due) {
        if (t.monthlyPay() == null || t.postWage() == null || t.payPeriod() == null) {
            return due ? "pay, the post's wage or the pay period is not recorded" : null;
        }
        if (t.monthlyPay().multiply(HUNDRED).compareTo(t.postWage().multiply(EIGHTY)) < 0) {
            String percent = t.postWage().signum() == 0
                    ? "?"
                    : t.monthlyPay()
                            .multiply(HUNDRED)
                            .divide(t.postWage(), 2, RoundingMode.DOWN)
                            .toPlainString();
            return "pay " + t.monthlyPay().toPlainString() + " is " + percent + "% of the post's wage "
                    + t.postWage().toPlainString() + " (at least 80%)";
        }
        if (!t.payPeriod().atLeastMonthly()) {
            return "paid " + t.payPeriod() + "; interns are paid at least monthly";
        }
        return null;
    }

    private static String document(LocalDate signedOn, String what, Subject s, boolean due) {
        if (signedOn == null) {
            return due ? "no " + what + " by the first day, " + s.start() : null;
        }
        return signedOn.isAfter(s.start())
                ? "the " + what + " is dated " + signedOn + ", after the first day, " + s.start()
                : null;
    }

    private static String insurance(Terms t, Subject s, boolean due) {
        if (t.insurancePolicyNo() == null || t.insuranceFrom() == null || t.insuranceTo() == null) {
            return due ? "no liability insurance recorded (policy number and cover dates)" : null;
        }
        if (t.insurancePaidBy() == Payer.STUDENT) {
            return "the insurance is paid by the student";
        }
        if (t.insuranceFrom().isAfter(s.start()) || t.insuranceTo().isBefore(s.end())) {
            return "insurance covers " + t.insuranceFrom() + " to " + t.insuranceTo() + ", not every day from "
                    + s.start() + " to " + s.end();
        }
        return null;
    }

    private static String workingTime(Terms t, Worked w) {
        if (t.workExceptionFiling() != null) {
            return null;
        }
        List<String> work = new ArrayList<>();
        if (t.nightWork()) {
            work.add("night work");
        }
        if (t.overtime()) {
            work.add("overtime");
        }
        if (t.restDayWork()) {
            work.add("rest-day or holiday work");
        }
        if (!work.isEmpty()) {
            return String.join(", ", work) + " without a filing reference";
        }
        if (w.nightWeek() != null) {
            return reported(w.nightHours(), "night hours", w.nightWeek()) + " without a filing reference";
        }
        if (w.overtimeWeek() != null) {
            return reported(w.overtimeHours(), "overtime hours", w.overtimeWeek()) + " without a filing reference";
        }
        if (w.restDayWeek() != null) {
            return reported(w.restDayHours(), "rest-day or holiday hours", w.restDayWeek())
                    + " without a filing reference";
        }
        return null;
    }

    private static String minorHours(Terms t, Worked w) {
        if (t.nightWork()) {
            return "night work for a student under 18";
        }
        if (t.dailyHours() != null && t.dailyHours().compareTo(EIGHT_HOURS) > 0) {
            return hours(t.dailyHours()) + " hours a day for a student under 18 (at most 8)";
        }
        if (w.nightWeek() != null) {
            return reported(w.nightHours(), "night hours", w.nightWeek()) + " for a student under 18";
        }
        if (w.longestDay() != null && w.longestDay().compareTo(EIGHT_HOURS) > 0) {
            return "the timesheet of the week of " + w.longestDayWeek() + " has a day of " + hours(w.longestDay())
                    + " hours for a student under 18 (at most 8)";
        }
        return null;
    }

    private static String reported(BigDecimal hours, String what, LocalDate week) {
        return "the timesheet of the week of " + week + " reports " + hours(hours) + " " + what;
    }

    private static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }
}
