package org.placementtracker.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stacked bar chart as SVG: person-times per category (years, or firms), one colour per series.
 * Text is XML-escaped, set in fonts that carry Chinese glyphs, and broken into lines that fit (see
 * {@link TextLines}).
 */
final class BarChart {

    static final String SVG = "image/svg+xml";
    private static final String[] COLOURS = {
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
    };
    private static final int MAX_SERIES = COLOURS.length;
    private static final int TITLE_SIZE = 18;
    private static final int TITLE_LINE = 24;
    /** Bold glyphs are wider; the title's width budget allows for it. */
    private static final double BOLD = 1.1;

    private static final int SMALL_SIZE = 11;
    private static final int SMALL_LINE = 14;
    /** Width of a slanted category label's line: about ten Chinese characters. */
    private static final double LABEL_EMS = 10.5;

    private static final String FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
            + "'WenQuanYi Micro Hei',sans-serif";

    private final String title;
    private final String subtitle;
    private final List<String> categories;
    private final Map<String, long[]> series = new LinkedHashMap<>();

    BarChart(String title, String subtitle, List<String> categories) {
        this.title = title;
        this.subtitle = subtitle;
        this.categories = categories;
    }

    /** Adds to a series; past the tenth series the rest are drawn together as "其他 Other". */
    BarChart add(String name, int category, long value) {
        String target = series.containsKey(name) || series.size() < MAX_SERIES - 1 ? name : "其他 Other";
        series.computeIfAbsent(target, k -> new long[categories.size()])[category] += value;
        return this;
    }

    static BarChart of(YearlyReport report, String filters) {
        List<String> years = new ArrayList<>();
        for (int y = report.from(); y <= report.to(); y++) {
            years.add(Integer.toString(y));
        }
        String split =
                report.groupBy() == null ? "" : " · 按 by " + report.groupBy().parameter();
        BarChart chart = new BarChart(
                "送工/实习人次 Person-times per year " + report.from() + "–" + report.to() + split + " · " + filters,
                "计数规则 Counting: " + report.countingRule(),
                years);
        // Largest groups first, so the ten named series are the ones that matter.
        Map<String, Long> sizes = new LinkedHashMap<>();
        report.rows().forEach(r -> sizes.merge(seriesName(report, r), r.personTimes(), Long::sum));
        List<String> ordered = sizes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        for (String name : ordered) {
            for (YearlyReport.Row row : report.rows()) {
                if (seriesName(report, row).equals(name)) {
                    chart.add(name, row.year() - report.from(), row.personTimes());
                }
            }
        }
        return chart;
    }

    static BarChart of(FirmTotals report) {
        List<FirmTotal> top = report.rows().stream().limit(15).toList();
        BarChart chart = new BarChart(
                "各企业累计人次 Person-times per firm ("
                        + (report.from() == null ? "all years" : report.from() + "–" + report.to()) + ", top "
                        + top.size() + ")",
                "计数规则 Counting: " + report.countingRule(),
                top.stream().map(FirmTotal::firmName).toList());
        for (int i = 0; i < top.size(); i++) {
            chart.add("人次 Person-times", i, top.get(i).personTimes());
        }
        return chart;
    }

    /** Open breaches per year, stacked by rule. */
    static BarChart of(ComplianceYearly report, String filters) {
        List<String> years = new ArrayList<>();
        for (int y = report.from(); y <= report.to(); y++) {
            years.add(Integer.toString(y));
        }
        BarChart chart = new BarChart(
                "实习合规 Open breaches per year " + report.from() + "–" + report.to() + " · " + filters,
                "计数规则 Counting: " + report.countingRule(),
                years);
        // Rules with most open breaches first, so the ten named series are the ones that matter.
        report.totals().stream()
                .sorted((a, b) -> Long.compare(b.open(), a.open()))
                .forEach(total -> report.rows().stream()
                        .filter(r -> r.rule() == total.rule())
                        .forEach(r -> chart.add(r.rule().id(), r.year() - report.from(), r.open())));
        return chart;
    }

    private static String seriesName(YearlyReport report, YearlyReport.Row row) {
        return report.groupBy() == null ? "人次 Person-times" : row.label();
    }

    String render() {
        int width = 1000;
        int legendWidth = series.size() > 1 ? 230 : 0;
        int left = 70;
        // Title and counting rule span the chart; the plot starts below however many lines they take.
        List<String> titleLines = TextLines.wrap(title, (width - left - 30) / (TITLE_SIZE * BOLD), 3);
        List<String> subtitleLines = TextLines.wrap(subtitle, (width - left - 30) / (double) SMALL_SIZE, 6);
        int subtitleY = 30 + titleLines.size() * TITLE_LINE;
        int top = subtitleY + (subtitleLines.size() - 1) * SMALL_LINE + 26;
        int plotWidth = width - left - 30 - legendWidth;
        boolean longLabels = categories.stream().anyMatch(c -> c.length() > 6);
        int bottom = longLabels ? 170 : 60;
        int plotHeight = 320;
        List<List<String>> legend = new ArrayList<>();
        int legendBottom = top;
        if (legendWidth > 0) {
            for (String name : series.keySet()) {
                List<String> lines = TextLines.wrap(name, (legendWidth - 28) / (double) SMALL_SIZE, 2);
                legend.add(lines);
                legendBottom += legendStep(lines);
            }
        }
        int height = Math.max(top + plotHeight + bottom, legendBottom + 10);
        long max = 0;
        for (int i = 0; i < categories.size(); i++) {
            long sum = 0;
            for (long[] values : series.values()) {
                sum += values[i];
            }
            max = Math.max(max, sum);
        }
        long step = niceStep(max);
        long axisMax = Math.max(step, ((max + step - 1) / step) * step);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"%s\">%n",
                width,
                height,
                width,
                height,
                FONT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (int i = 0; i < titleLines.size(); i++) {
            svg.append(text(left, 30 + i * TITLE_LINE, TITLE_SIZE, "bold", "start", titleLines.get(i)));
        }
        for (int i = 0; i < subtitleLines.size(); i++) {
            svg.append(text(left, subtitleY + i * SMALL_LINE, SMALL_SIZE, "normal", "start", subtitleLines.get(i)));
        }
        // Y axis, grid and ticks
        for (long v = 0; v <= axisMax; v += step) {
            double y = top + plotHeight - (double) v / axisMax * plotHeight;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>%n",
                    left,
                    y,
                    left + plotWidth,
                    y));
            svg.append(text(left - 8, y + 4, 11, "normal", "end", String.format(Locale.ROOT, "%,d", v)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left,
                top + plotHeight,
                left + plotWidth,
                top + plotHeight));
        svg.append(textRotated(18, top + plotHeight / 2.0, 12, "人次 Person-times"));
        // Bars
        double slot = (double) plotWidth / Math.max(1, categories.size());
        double barWidth = Math.max(2, slot * 0.7);
        List<String> names = new ArrayList<>(series.keySet());
        for (int i = 0; i < categories.size(); i++) {
            double x = left + i * slot + (slot - barWidth) / 2;
            double base = top + plotHeight;
            long total = 0;
            for (int s = 0; s < names.size(); s++) {
                long value = series.get(names.get(s))[i];
                if (value == 0) {
                    continue;
                }
                total += value;
                double h = (double) value / axisMax * plotHeight;
                base -= h;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                                + "fill=\"%s\"><title>%s %s: %,d</title></rect>%n",
                        x,
                        base,
                        barWidth,
                        h,
                        COLOURS[s],
                        escape(categories.get(i)),
                        escape(names.get(s)),
                        value));
            }
            if (total > 0) {
                svg.append(text(
                        x + barWidth / 2, base - 4, 10, "normal", "middle", String.format(Locale.ROOT, "%,d", total)));
            }
            if (longLabels) {
                // Slanted, ending under the bar, in up to two lines: the second sits below the first.
                double lx = x + barWidth / 2;
                double ly = top + plotHeight + 12;
                List<String> lines = TextLines.wrap(categories.get(i), LABEL_EMS, 2);
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"end\" "
                                + "transform=\"rotate(-40 %.1f %.1f)\">",
                        lx,
                        ly,
                        SMALL_SIZE,
                        lx,
                        ly));
                for (int l = 0; l < lines.size(); l++) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<tspan x=\"%.1f\" y=\"%.1f\">%s</tspan>",
                            lx,
                            ly + l * SMALL_LINE,
                            escape(lines.get(l))));
                }
                svg.append("</text>\n");
            } else {
                svg.append(text(x + barWidth / 2, top + plotHeight + 18, 11, "normal", "middle", categories.get(i)));
            }
        }
        svg.append(
                text(left + plotWidth / 2.0, height - 12, 12, "normal", "middle", longLabels ? "企业 Firm" : "年份 Year"));
        // Legend
        if (legendWidth > 0) {
            int lx = width - legendWidth + 10;
            int ly = top;
            for (int s = 0; s < names.size(); s++) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                        lx,
                        ly,
                        COLOURS[s]));
                List<String> lines = legend.get(s);
                for (int l = 0; l < lines.size(); l++) {
                    svg.append(text(lx + 18, ly + 10 + l * SMALL_LINE, SMALL_SIZE, "normal", "start", lines.get(l)));
                }
                ly += legendStep(lines);
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static long niceStep(long max) {
        if (max <= 5) {
            return 1;
        }
        double raw = max / 5.0;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double residual = raw / magnitude;
        double nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        return Math.max(1, (long) (nice * magnitude));
    }

    private static String text(double x, double y, int size, String weight, String anchor, String content) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" "
                        + "text-anchor=\"%s\" fill=\"#222\">%s</text>%n",
                x,
                y,
                size,
                weight,
                anchor,
                escape(content));
    }

    private static String textRotated(double x, double y, int size, String content) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"middle\" "
                        + "transform=\"rotate(-90 %.1f %.1f)\" fill=\"#222\">%s</text>%n",
                x,
                y,
                size,
                x,
                y,
                escape(content));
    }

    private static int legendStep(List<String> lines) {
        return Math.max(22, lines.size() * SMALL_LINE + 8);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
