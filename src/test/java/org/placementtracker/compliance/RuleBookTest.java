package org.placementtracker.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each rule at its boundary: one day, one intern, one cent either side. */
class RuleBookTest {

    private static final LocalDate START = LocalDate.of(2025, 3, 1);
    private static final LocalDate END = LocalDate.of(2025, 8, 31);
    /** Before the start: documents are not due yet unless the placement is made active. */
    private static final LocalDate BEFORE = LocalDate.of(2025, 1, 10);

    /** A post internship that breaks no rule; each test changes what it is about. */
    private static final class Case {
        Kind kind = Kind.POST;
        LocalDate start = START;
        LocalDate end = END;
        String position = "装配工";
        boolean active;
        boolean ended;
        LocalDate birthDate = LocalDate.of(2006, 5, 14);
        int cohortYear = 2023;
        int headcount = 1000;
        Integer postStaff = 200;
        boolean postProhibited;
        boolean intermediary;
        boolean venue;
        LocalDate agreementSignedOn = LocalDate.of(2025, 2, 20);
        LocalDate consentOn = LocalDate.of(2025, 2, 18);
        String policy = "PICC-1";
        LocalDate insuranceFrom = START;
        LocalDate insuranceTo = END;
        Payer payer = Payer.SCHOOL;
        BigDecimal pay = new BigDecimal("3600.00");
        BigDecimal wage = new BigDecimal("4200.00");
        PayPeriod period = PayPeriod.MONTHLY;
        BigDecimal hours = new BigDecimal("8");
        boolean night;
        boolean overtime;
        boolean restDay;
        String filing;
        long firmPeak = 1;
        long postPeak = 1;
        LocalDate firstPostDay = START;
        long postDays = END.toEpochDay() - START.toEpochDay() + 1;
        int months = 6;
        LocalDate today = BEFORE;
        Map<Rule, Mode> modes = allWarn();
        Worked worked = Worked.NONE;

        List<RuleBook.Found> found() {
            Subject subject = new Subject(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    kind,
                    start,
                    end,
                    position,
                    active,
                    ended,
                    birthDate,
                    cohortYear,
                    "700206",
                    headcount,
                    postStaff,
                    postProhibited,
                    intermediary,
                    venue,
                    new Terms(
                            "XY-1",
                            agreementSignedOn,
                            consentOn,
                            policy,
                            insuranceFrom,
                            insuranceTo,
                            payer,
                            pay,
                            wage,
                            period,
                            hours,
                            night,
                            overtime,
                            restDay,
                            filing),
                    worked);
            Counts counts = new Counts(
                    new Counts.Peak(start, firmPeak), new Counts.Peak(start, postPeak), firstPostDay, postDays);
            return RuleBook.evaluate(subject, counts, modes, major -> months, today);
        }

        List<Rule> broken() {
            return found().stream().map(RuleBook.Found::rule).toList();
        }
    }

    private static Map<Rule, Mode> allWarn() {
        Map<Rule, Mode> modes = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            modes.put(rule, Mode.WARN);
        }
        return modes;
    }

    @Test
    void aCompliantPostInternshipBreaksNothing() {
        assertEquals(List.of(), new Case().found());
    }

    @Test
    void sixteenOnTheFirstDay() {
        Case c = new Case();
        c.birthDate = START.minusYears(16).minusDays(1);
        assertEquals(List.of(), c.broken(), "16th birthday the day before the start");
        c.birthDate = START.minusYears(16);
        assertEquals(List.of(), c.broken(), "16th birthday on the first day");
        c.birthDate = START.minusYears(16).plusDays(1);
        assertTrue(c.broken().contains(Rule.MIN_AGE), "16th birthday the day after the start");
        c.kind = Kind.OBSERVATION;
        assertTrue(!c.broken().contains(Rule.MIN_AGE), "the age rule speaks of post internships");
    }

    @Test
    void noPostInternshipInTheFirstSchoolYear() {
        Case c = new Case();
        c.cohortYear = 2024;
        c.start = LocalDate.of(2025, 8, 31);
        c.insuranceFrom = c.start;
        assertEquals(List.of(Rule.FIRST_SCHOOL_YEAR), c.broken());
        c.start = LocalDate.of(2025, 9, 1);
        c.firstPostDay = c.start;
        c.postDays = 1;
        c.end = c.start;
        c.insuranceFrom = c.start;
        c.insuranceTo = c.start;
        assertEquals(List.of(), c.broken());
    }

    @Test
    void tenPercentOfTheFirmOnTheBusiestDay() {
        Case c = new Case();
        c.headcount = 100;
        c.firmPeak = 10;
        assertEquals(List.of(), c.broken(), "exactly 10%");
        c.firmPeak = 11;
        assertEquals(List.of(Rule.FIRM_SHARE), c.broken(), "one intern more");
        c.headcount = 0;
        c.firmPeak = 1;
        assertEquals(List.of(Rule.FIRM_SHARE), c.broken(), "no staff recorded");
    }

    @Test
    void twentyPercentOfOnePost() {
        Case c = new Case();
        c.postStaff = 50;
        c.postPeak = 10;
        assertEquals(List.of(), c.broken(), "exactly 20%");
        c.postPeak = 11;
        assertEquals(List.of(Rule.POST_SHARE), c.broken(), "one intern more");
        c.postStaff = null;
        assertEquals(List.of(Rule.POST_SHARE), c.broken(), "a post the firm does not declare");
    }

    @Test
    void sixMonthsOfPostInternshipInTotal() {
        Case c = new Case();
        // 2025-03-01 to 2025-08-31 is exactly six months: 184 days.
        assertEquals(184, c.postDays);
        assertEquals(List.of(), c.broken(), "six months");
        c.postDays = 185;
        assertEquals(List.of(Rule.LENGTH), c.broken(), "six months and a day");
        c.postDays = 183;
        assertEquals(List.of(), c.broken(), "a day less");
        c.postDays = 185;
        c.months = 10;
        assertEquals(List.of(), c.broken(), "a major allowed ten months");
    }

    @Test
    void payAtLeastEightyPercentMonthly() {
        Case c = new Case();
        c.wage = new BigDecimal("5000.00");
        c.pay = new BigDecimal("3999.50");
        assertEquals(List.of(Rule.PAY), c.broken(), "79.99%");
        c.pay = new BigDecimal("4000.00");
        assertEquals(List.of(), c.broken(), "80%");
        c.period = PayPeriod.QUARTERLY;
        assertEquals(List.of(Rule.PAY), c.broken(), "paid quarterly");
        c.period = null;
        assertEquals(List.of(), c.broken(), "not recorded, not due yet");
        c.today = START;
        assertEquals(List.of(Rule.PAY), c.broken(), "not recorded on the first day");
    }

    @Test
    void agreementNoLaterThanTheFirstDay() {
        Case c = new Case();
        c.agreementSignedOn = START;
        assertEquals(List.of(), c.broken(), "signed on the first day");
        c.agreementSignedOn = START.plusDays(1);
        assertEquals(List.of(Rule.AGREEMENT), c.broken(), "signed the day after");
        c.agreementSignedOn = null;
        assertEquals(List.of(), c.broken(), "missing, before the start");
        c.active = true;
        assertEquals(List.of(Rule.AGREEMENT), c.broken(), "missing when it is made active early");
        c.active = false;
        c.today = START;
        assertEquals(List.of(Rule.AGREEMENT), c.broken(), "missing on the first day");
    }

    @Test
    void guardianConsentForAMinor() {
        Case c = new Case();
        c.today = START;
        c.consentOn = null;
        c.birthDate = START.minusYears(18);
        assertEquals(List.of(), c.broken(), "18 on the first day");
        c.birthDate = START.minusYears(18).plusDays(1);
        assertEquals(List.of(Rule.GUARDIAN_CONSENT), c.broken(), "17 on the first day");
    }

    @Test
    void insuranceCoversEveryDay() {
        Case c = new Case();
        c.insuranceTo = END.minusDays(1);
        assertEquals(List.of(Rule.INSURANCE), c.broken(), "ends one day early");
        c.insuranceTo = END;
        c.insuranceFrom = START.plusDays(1);
        assertEquals(List.of(Rule.INSURANCE), c.broken(), "starts one day late");
        c.insuranceFrom = START;
        c.payer = Payer.STUDENT;
        assertEquals(List.of(Rule.INSURANCE), c.broken(), "paid by the student");
        c.payer = Payer.FIRM;
        c.policy = null;
        c.kind = Kind.OBSERVATION;
        c.today = START;
        assertEquals(List.of(Rule.INSURANCE), c.broken(), "an observation visit needs insurance too");
    }

    @Test
    void nightOvertimeAndRestDaysOnlyWhenFiled() {
        Case c = new Case();
        c.overtime = true;
        assertEquals(List.of(Rule.WORKING_TIME), c.broken());
        c.filing = "BA-2025-017";
        assertEquals(List.of(), c.broken());
    }

    @Test
    void minorsWorkAtMostEightHoursAndNoNights() {
        Case c = new Case();
        c.birthDate = START.minusYears(17);
        c.hours = new BigDecimal("8.00");
        assertEquals(List.of(), c.broken(), "eight hours");
        c.hours = new BigDecimal("8.25");
        assertEquals(List.of(Rule.MINOR_HOURS), c.broken(), "more than eight");
        c.hours = new BigDecimal("8");
        c.night = true;
        c.filing = "BA-2025-017";
        assertEquals(List.of(Rule.MINOR_HOURS), c.broken(), "night work, filed or not");
        c.birthDate = START.minusYears(18);
        assertEquals(List.of(), c.broken(), "an adult's filed night work");
    }

    @Test
    void noIntermediaryVenueOrProhibitedPost() {
        Case c = new Case();
        c.intermediary = true;
        assertEquals(List.of(Rule.INTERMEDIARY), c.broken());
        c.intermediary = false;
        c.venue = true;
        assertEquals(List.of(Rule.PROHIBITED), c.broken());
        c.venue = false;
        c.postProhibited = true;
        assertEquals(List.of(Rule.PROHIBITED), c.broken());
    }

    @Test
    void rulesThatAreOffAreNotChecked() {
        Case c = new Case();
        c.intermediary = true;
        c.modes.put(Rule.INTERMEDIARY, Mode.OFF);
        assertEquals(List.of(), c.broken());
    }

    @Test
    void postInternshipRulesDoNotSpeakOfWorkStudy() {
        Case c = new Case();
        c.kind = Kind.WORK;
        c.cohortYear = 2025;
        c.headcount = 0;
        c.pay = null;
        c.today = START;
        assertEquals(List.of(), c.broken());
    }

    @Test
    void detailsNameNoBirthDate() {
        Case c = new Case();
        c.birthDate = LocalDate.of(2009, 7, 23);
        c.today = START;
        c.consentOn = null;
        c.night = true;
        c.found().forEach(f -> assertTrue(!f.detail().contains("2009"), f.detail()));
    }

    @Test
    void timesheetsAreCheckedLikeThePlannedPattern() {
        LocalDate week = LocalDate.of(2025, 3, 3);
        Case c = new Case();
        c.birthDate = START.minusYears(17);
        c.worked = new Worked(week, new BigDecimal("8.00"), null, null, null, null, null, null);
        assertEquals(List.of(), c.broken(), "a minor's eight-hour day");
        c.worked = new Worked(week, new BigDecimal("8.5"), null, null, null, null, null, null);
        assertEquals(List.of(Rule.MINOR_HOURS), c.broken(), "a minor's day of 8.5 hours");
        c.worked = new Worked(week, new BigDecimal("8"), week, new BigDecimal("1"), null, null, null, null);
        assertEquals(List.of(Rule.WORKING_TIME, Rule.MINOR_HOURS), c.broken(), "a night hour for a minor, not filed");
        assertEquals(
                "the timesheet of the week of 2025-03-03 reports 1 night hours for a student under 18",
                c.found().get(1).detail());
        c.filing = "BA-2025-017";
        assertEquals(List.of(Rule.MINOR_HOURS), c.broken(), "a minor's night hour, filed");
        c.birthDate = START.minusYears(18);
        assertEquals(List.of(), c.broken(), "an adult's filed night hour");
        c.filing = null;
        c.worked = new Worked(week, new BigDecimal("8"), null, null, null, null, week, new BigDecimal("4"));
        assertEquals(List.of(Rule.WORKING_TIME), c.broken(), "rest-day hours, not filed");
    }
}
