package org.placementtracker.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as a table: the one shape CSV and XLSX are written from, so every export carries
 * exactly the JSON's numbers. Cells are strings or numbers.
 */
record Table(String title, String note, List<Column> columns, List<List<Object>> rows) {

    record Column(String key, String chinese, String english) {
        String header() {
            return chinese + " " + english;
        }
    }

    static Table of(YearlyReport report, String filters) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("year", "年份", "Year"));
        if (report.groupBy() != null) {
            columns.add(new Column("key", "分组键", "Key"));
            columns.add(new Column("label", "名称", "Label"));
        }
        columns.add(new Column("personTimes", "人次", "Person-times"));
        columns.add(new Column("distinctStudents", "人数", "Distinct students"));
        List<List<Object>> rows = new ArrayList<>();
        for (YearlyReport.Row row : report.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.year());
            if (report.groupBy() != null) {
                cells.add(row.key());
                cells.add(row.label());
            }
            cells.add(row.personTimes());
            cells.add(row.distinctStudents());
            rows.add(cells);
        }
        List<Object> total = new ArrayList<>();
        total.add("合计 Total " + report.from() + "-" + report.to());
        if (report.groupBy() != null) {
            total.add("");
            total.add("");
        }
        total.add(report.totals().personTimes());
        total.add(report.totals().distinctStudents());
        rows.add(total);
        return new Table(
                "送工/实习人次 Placements per year " + report.from() + "-" + report.to() + " (" + filters + ")",
                report.countingRule(),
                columns,
                rows);
    }

    static Table of(FirmTotals report) {
        List<Column> columns = List.of(
                new Column("firmId", "企业编号", "Firm id"),
                new Column("firmName", "企业", "Firm"),
                new Column("personTimes", "人次", "Person-times"),
                new Column("distinctStudents", "人数", "Distinct students"),
                new Column("firstYear", "首年", "First year"),
                new Column("lastYear", "末年", "Last year"));
        List<List<Object>> rows = new ArrayList<>();
        for (FirmTotal row : report.rows()) {
            rows.add(List.of(
                    row.firmId().toString(),
                    row.firmName(),
                    row.personTimes(),
                    row.distinctStudents(),
                    row.firstYear(),
                    row.lastYear()));
        }
        String range = report.from() == null ? "all years" : report.from() + "-" + report.to();
        return new Table("各企业累计人次 Placements per firm (" + range + ")", report.countingRule(), columns, rows);
    }

    static Table of(ComplianceYearly report, String filters) {
        List<Column> columns = List.of(
                new Column("year", "年份", "Year"),
                new Column("rule", "规则", "Rule"),
                new Column("article", "条款", "Article"),
                new Column("open", "未整改", "Open"),
                new Column("resolved", "已整改", "Resolved"),
                new Column("placements", "涉及实习", "Placements"));
        List<List<Object>> rows = new ArrayList<>();
        for (ComplianceYearly.Row row : report.rows()) {
            rows.add(List.of(row.year(), row.rule().id(), row.article(), row.open(), row.resolved(), row.placements()));
        }
        for (ComplianceYearly.Row row : report.totals()) {
            rows.add(List.of(
                    "合计 Total " + report.from() + "-" + report.to(),
                    row.rule().id(),
                    row.article(),
                    row.open(),
                    row.resolved(),
                    row.placements()));
        }
        return new Table(
                "实习合规 Internship rule breaches " + report.from() + "-" + report.to() + " (" + filters + ")",
                report.countingRule(),
                columns,
                rows);
    }

    static Table ofBreaches(List<List<Object>> rows, String filters) {
        List<Column> columns = List.of(
                new Column("placementStart", "实习开始", "Placement start"),
                new Column("firm", "企业", "Firm"),
                new Column("rule", "规则", "Rule"),
                new Column("article", "条款", "Article"),
                new Column("mode", "模式", "Mode"),
                new Column("status", "状态", "Status"),
                new Column("detail", "说明", "Detail"),
                new Column("placementId", "实习编号", "Placement id"),
                new Column("studentId", "学生编号", "Student id"),
                new Column("detectedAt", "发现时间", "Detected at"),
                new Column("resolvedAt", "整改时间", "Resolved at"));
        return new Table(
                "实习违规清单 Internship rule breaches (" + filters + ")",
                "One row per breach, as found when its placement was last written or checked again.",
                columns,
                rows);
    }
}
