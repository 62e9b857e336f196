package org.placementtracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.simple.SimpleLoggerContextFactory;
import org.junit.jupiter.api.Test;

/** CSV cells a spreadsheet would take for formulas, checked without a server: every start OWASP names. */
class ExportsTest {

    @Test
    void csvStartsWithAByteOrderMark() {
        String csv = Exports.csv(table(List.of(List.of("合计", 1L))));
        assertTrue(csv.startsWith("\uFEFFname,count\r\n"), csv);
    }

    @Test
    void textCellsThatASpreadsheetWouldRunAreQuoted() throws Exception {
        List<String> names =
                List.of("=1+2", "+1", "-1", "@SUM(1)", "\tTab", "\rReturn", "=HYPERLINK(\"http://x\",\"y\")");
        List<List<Object>> rows = new ArrayList<>();
        names.forEach(name -> rows.add(List.of(name, 3L)));
        List<CSVRecord> parsed = parse(Exports.csv(table(rows)));
        for (int i = 0; i < names.size(); i++) {
            assertEquals("'" + names.get(i), parsed.get(i).get("name"));
            assertEquals("3", parsed.get(i).get("count"));
        }
    }

    @Test
    void leavesOtherTextAndEveryNumberAlone() throws Exception {
        List<List<Object>> rows =
                List.of(List.of("长城汽车股份有限公司", -5L), List.of("a=b", 2.5), List.of("'quoted", 0L), List.of("", 8L));
        List<CSVRecord> parsed = parse(Exports.csv(table(rows)));
        assertEquals(
                List.of("长城汽车股份有限公司", "a=b", "'quoted", ""),
                parsed.stream().map(r -> r.get("name")).toList());
        assertEquals(
                List.of("-5", "2.5", "0", "8"),
                parsed.stream().map(r -> r.get("count")).toList());
    }

    private static Table table(List<List<Object>> rows) {
        return new Table(
                "title",
                "note",
                List.of(new Table.Column("name", "名称", "Name"), new Table.Column("count", "人次", "Person-times")),
                rows);
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv.substring(1)))
                .getRecords();
    }

    /** The spreadsheet library logs through Log4j's API; without a provider it writes an ERROR to stderr. */
    @Test
    void theSpreadsheetLibraryLogsIntoTheServiceLog() {
        assertFalse(
                LogManager.getFactory() instanceof SimpleLoggerContextFactory,
                "Log4j API has no provider: " + LogManager.getFactory().getClass());
    }
}
