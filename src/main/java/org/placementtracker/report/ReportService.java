package org.placementtracker.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.placementtracker.common.ProblemException;
import org.placementtracker.compliance.BreachStatus;
import org.placementtracker.compliance.Rule;
import org.placementtracker.placement.Placement;
import org.placementtracker.placement.YearBasis;
import org.placementtracker.security.CurrentCaller;

@ApplicationScoped
public class ReportService {

    static final int MAX_YEARS = 50;
    static final String ANOTHER_FIRMS_CLASS_LABEL = "（其他企业的订单班）Order class of another firm";

    private final PlacementCounts counts;
    private final ReportSubjects subjects;
    private final CurrentCaller caller;

    public ReportService(PlacementCounts counts, ReportSubjects subjects, CurrentCaller caller) {
        this.counts = counts;
        this.subjects = subjects;
        this.caller = caller;
    }

    /** The yearly report; 404 if a filter names nothing, or for a partner anything not at its firm. */
    Described<YearlyReport> yearly(ReportFilter unscoped, GroupBy groupBy) {
        ReportFilter filter = unscoped.scopedTo(caller.partnerFirm());
        requireRange(filter);
        ReportSubjects.Names names = subjects.of(filter);
        List<PlacementCounts.Count> found = counts.yearly(filter, groupBy);
        YearlyReport.Totals totals = found.stream()
                .filter(PlacementCounts.Count::total)
                .findFirst()
                .map(c -> new YearlyReport.Totals(c.personTimes(), c.distinctStudents()))
                .orElse(new YearlyReport.Totals(0, 0));
        List<PlacementCounts.Count> years =
                found.stream().filter(c -> !c.total()).toList();
        List<YearlyReport.Row> rows = groupBy == null ? everyYear(filter, years) : grouped(groupBy, years);
        return new Described<>(
                new YearlyReport(
                        filter.from(),
                        filter.to(),
                        filter.yearBasis(),
                        groupBy,
                        YearlyReport.COUNTING_RULE + " Year basis: "
                                + filter.yearBasis().rule() + ".",
                        rows,
                        totals),
                filter.describe(names),
                DownloadName.of(
                        "placements-yearly",
                        names.firm(),
                        names.orderClass(),
                        filter.majorCode(),
                        filter.type() == null ? null : filter.type().name().toLowerCase(Locale.ROOT),
                        groupBy == null ? null : "by-" + groupBy.parameter(),
                        filter.from() + "-" + filter.to(),
                        basis(filter)));
    }

    Described<FirmTotals> byFirm(ReportFilter unscoped) {
        ReportFilter filter = unscoped.scopedTo(caller.partnerFirm());
        if (filter.from() > 0) {
            requireRange(filter);
        }
        ReportSubjects.Names names = subjects.of(filter);
        List<FirmTotal> rows = counts.byFirm(filter).stream()
                .map(c -> new FirmTotal(
                        c.firmId(), c.firmName(), c.personTimes(), c.distinctStudents(), c.firstYear(), c.lastYear()))
                .toList();
        return new Described<>(
                new FirmTotals(
                        filter.from() > 0 ? filter.from() : null,
                        filter.from() > 0 ? filter.to() : null,
                        filter.yearBasis(),
                        YearlyReport.COUNTING_RULE + " Year basis: "
                                + filter.yearBasis().rule() + ".",
                        rows),
                filter.describe(names),
                DownloadName.of(
                        "placements-by-firm",
                        names.firm(),
                        filter.from() > 0 ? filter.from() + "-" + filter.to() : "all-years",
                        filter.from() > 0 ? basis(filter) : null));
    }

    /** Breaches of the internship rules per year and rule; 404 as the yearly report for a firm it cannot see. */
    Described<ComplianceYearly> compliance(ReportFilter unscoped) {
        ReportFilter filter = unscoped.scopedTo(caller.partnerFirm());
        requireRange(filter);
        ReportSubjects.Names names = subjects.of(filter);
        List<ComplianceYearly.Row> found = counts.breaches(
                filter.from(), filter.to(), filter.firmId() != null ? filter.firmId() : filter.scopeFirmId());
        return new Described<>(
                new ComplianceYearly(
                        filter.from(),
                        filter.to(),
                        ComplianceYearly.COUNTING_RULE,
                        found.stream().filter(r -> r.year() != null).toList(),
                        found.stream().filter(r -> r.year() == null).toList()),
                filter.describe(names),
                DownloadName.of("compliance-yearly", names.firm(), filter.from() + "-" + filter.to()));
    }

    /** The most breaches one file holds. */
    static final int MAX_BREACH_ROWS = 100_000;

    /** The breach list as a file's table; 404 as the reports for a firm the caller cannot see. */
    Described<List<List<Object>>> breaches(Integer year, UUID firmId, Rule rule, BreachStatus status) {
        ReportFilter filter = new ReportFilter(
                        year == null ? 0 : year, year == null ? 0 : year, YearBasis.CALENDAR, firmId, null, null, null)
                .scopedTo(caller.partnerFirm());
        ReportSubjects.Names names = subjects.of(filter);
        List<List<Object>> rows =
                counts.breachRows(year, firmId, rule == null ? null : rule.id(), status.name(), MAX_BREACH_ROWS + 1);
        if (rows.size() > MAX_BREACH_ROWS) {
            throw ProblemException.invalidQuery(
                    "year", "with these filters matches more than 100,000 breaches; narrow it by year, firmId or rule");
        }
        String filters = (names.firm() == null ? "" : "企业 firm: " + names.firm() + "; ")
                + (year == null ? "" : "年份 year: " + year + "; ")
                + (rule == null ? "" : "规则 rule: " + rule.id() + "; ")
                + "状态 status: " + status.value();
        return new Described<>(
                rows,
                filters,
                DownloadName.of(
                        "compliance-breaches",
                        names.firm(),
                        year == null ? null : Integer.toString(year),
                        rule == null ? null : rule.id(),
                        status.value()));
    }

    /** Only the academic basis is named in a file name: the calendar year is what a reader assumes. */
    private static String basis(ReportFilter filter) {
        return filter.yearBasis() == YearBasis.ACADEMIC ? "academic-years" : null;
    }

    private static void requireRange(ReportFilter filter) {
        if (filter.from() > filter.to()) {
            throw ProblemException.invalidQuery("from", "must not be after to");
        }
        if (filter.to() - filter.from() + 1 > MAX_YEARS) {
            throw ProblemException.invalidQuery("to", "the range may span at most " + MAX_YEARS + " years");
        }
    }

    /** One row per year of the range, zeros included, so a chart has no gaps. */
    private static List<YearlyReport.Row> everyYear(ReportFilter filter, List<PlacementCounts.Count> years) {
        Map<Integer, PlacementCounts.Count> byYear = new TreeMap<>();
        years.forEach(c -> byYear.put(c.year(), c));
        List<YearlyReport.Row> rows = new ArrayList<>();
        for (int year = filter.from(); year <= filter.to(); year++) {
            PlacementCounts.Count c = byYear.get(year);
            rows.add(new YearlyReport.Row(
                    year, null, null, c == null ? 0 : c.personTimes(), c == null ? 0 : c.distinctStudents()));
        }
        return rows;
    }

    private static List<YearlyReport.Row> grouped(GroupBy groupBy, List<PlacementCounts.Count> years) {
        return years.stream()
                .map(c -> new YearlyReport.Row(
                        c.year(), key(groupBy, c), label(groupBy, c), c.personTimes(), c.distinctStudents()))
                .sorted(Comparator.comparingInt(YearlyReport.Row::year)
                        .thenComparing(Comparator.comparingLong(YearlyReport.Row::personTimes)
                                .reversed())
                        .thenComparing(YearlyReport.Row::label))
                .toList();
    }

    private static String key(GroupBy groupBy, PlacementCounts.Count count) {
        if (count.key() == null) {
            return "none";
        }
        return groupBy == GroupBy.ORDER_CLASS && GroupBy.ANOTHER_FIRMS_CLASS.equals(count.key())
                ? "other"
                : count.key();
    }

    private static String label(GroupBy groupBy, PlacementCounts.Count count) {
        if (count.key() == null) {
            return groupBy == GroupBy.ORDER_CLASS ? "（无订单班）No order class" : "（无）None";
        }
        if (groupBy == GroupBy.ORDER_CLASS && GroupBy.ANOTHER_FIRMS_CLASS.equals(count.key())) {
            return ANOTHER_FIRMS_CLASS_LABEL;
        }
        if (groupBy == GroupBy.TYPE) {
            return PlacementTypes.label(Placement.Type.valueOf(count.key()));
        }
        return count.label() == null ? count.key() : count.label();
    }
}
