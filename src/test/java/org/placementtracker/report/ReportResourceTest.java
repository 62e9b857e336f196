package org.placementtracker.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.ReportText;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * Exact counts for a small hand-built history at a firm of the test's own (reports are
 * filtered to it, so other tests' rows never count). The history:
 * <pre>
 * student A (major M): COGNITIVE 2023-03-01, WORK_STUDY 2023-09-10 (order class), POST_INTERNSHIP
 *                      2023-12-20..2024-01-15 (spans New Year), APPRENTICESHIP 2024-10-01
 * student B (major M): WORK_STUDY 2023-09-10 (order class), FOLLOW_POST 2024-03-01 CANCELLED,
 *                      and at another firm G: POST_INTERNSHIP 2024-05-01
 * student C (major M2): POST_INTERNSHIP 2024-02-01 TERMINATED, COGNITIVE 2024-09-02 COMPLETED
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ReportResourceTest {

    private static final String YEARLY = "/api/v1/reports/placements/yearly";
    private static final String BY_FIRM = "/api/v1/reports/placements/by-firm";
    private static final String BOM = "\uFEFF";

    private String firm;
    private String otherFirm;
    private String major;
    private String otherMajor;
    private String orderClass;
    private String a;
    private String b;
    private String c;

    @BeforeEach
    void buildHistory() {
        major = TestData.major();
        otherMajor = TestData.major();
        firm = TestData.firm();
        otherFirm = TestData.firm();
        orderClass = TestData.orderClass(firm, major, 10);
        a = TestData.student(major);
        b = TestData.student(major);
        c = TestData.student(otherMajor);
        place(a, firm, "COGNITIVE", null, "2023-03-01", "2023-03-05");
        place(a, firm, "WORK_STUDY", orderClass, "2023-09-10", "2023-11-30");
        place(a, firm, "POST_INTERNSHIP", null, "2023-12-20", "2024-01-15");
        place(a, firm, "APPRENTICESHIP", null, "2024-10-01", "2024-12-31");
        place(b, firm, "WORK_STUDY", orderClass, "2023-09-10", "2023-11-30");
        TestData.placementStatus(place(b, firm, "FOLLOW_POST", null, "2024-03-01", "2024-03-31"), "CANCELLED");
        place(b, otherFirm, "POST_INTERNSHIP", null, "2024-05-01", "2024-08-31");
        String terminated = place(c, firm, "POST_INTERNSHIP", null, "2024-02-01", "2024-06-30");
        TestData.placementStatus(terminated, "ACTIVE");
        TestData.placementStatus(terminated, "TERMINATED");
        String completed = place(c, firm, "COGNITIVE", null, "2024-09-02", "2024-09-06");
        TestData.placementStatus(completed, "ACTIVE");
        TestData.placementStatus(completed, "COMPLETED");
    }

    @Test
    void countsPersonTimesAndDistinctStudentsPerCalendarYearWithEveryYearShown() {
        JsonPath report = yearly("from=2022&to=2025&firmId=" + firm);
        assertEquals("calendar", report.getString("yearBasis"));
        assertEquals(List.of(2022, 2023, 2024, 2025), report.getList("rows.year"));
        // 2023: A three times (the New Year placement counts in its start year), B once.
        // 2024: A once, C twice; B's cancelled placement never counts.
        assertEquals(List.of(0, 4, 3, 0), report.getList("rows.personTimes"));
        assertEquals(List.of(0, 2, 2, 0), report.getList("rows.distinctStudents"));
        assertEquals(7, report.getInt("totals.personTimes"));
        // A, B and C: counted once across the range, not 2 + 2.
        assertEquals(3, report.getInt("totals.distinctStudents"));
        assertTrue(report.getString("countingRule").contains("CANCELLED"));
        assertNull(report.get("rows[0].key"));
    }

    @Test
    void countsByAcademicYearFromSeptemberToAugust() {
        JsonPath report = yearly("from=2022&to=2024&yearBasis=academic&firmId=" + firm);
        assertEquals("academic", report.getString("yearBasis"));
        // 2022/23: A's March 2023 visit. 2023/24: A twice, B, C's February 2024 post. 2024/25: C and A in autumn 2024.
        assertEquals(List.of(1, 4, 2), report.getList("rows.personTimes"));
        assertEquals(List.of(1, 3, 2), report.getList("rows.distinctStudents"));
        assertEquals(7, report.getInt("totals.personTimes"));
        assertEquals(3, report.getInt("totals.distinctStudents"));
    }

    @Test
    void groupsByType() {
        JsonPath report = yearly("from=2023&to=2024&groupBy=type&firmId=" + firm);
        assertEquals("type", report.getString("groupBy"));
        Map<String, List<Integer>> rows = rowsByYearAndKey(report);
        assertEquals(
                Map.of(
                        "2023/WORK_STUDY",
                        List.of(2, 2),
                        "2023/COGNITIVE",
                        List.of(1, 1),
                        "2023/POST_INTERNSHIP",
                        List.of(1, 1),
                        "2024/POST_INTERNSHIP",
                        List.of(1, 1),
                        "2024/COGNITIVE",
                        List.of(1, 1),
                        "2024/APPRENTICESHIP",
                        List.of(1, 1)),
                rows);
        assertEquals("2023", report.getString("rows[0].year"));
        assertEquals("WORK_STUDY", report.getString("rows[0].key"));
        assertEquals("工学交替 Work-study", report.getString("rows[0].label"));
        assertEquals(7, report.getInt("totals.personTimes"));
        assertEquals(3, report.getInt("totals.distinctStudents"));
    }

    @Test
    void groupsByOrderClassWithPlacementsOutsideAnyClassTogether() {
        JsonPath report = yearly("from=2023&to=2024&groupBy=orderClass&firmId=" + firm);
        assertEquals(
                Map.of("2023/" + orderClass, List.of(2, 2), "2023/none", List.of(2, 1), "2024/none", List.of(3, 2)),
                rowsByYearAndKey(report));
        String className =
                Api.get("/api/v1/order-classes/" + orderClass).extract().path("name");
        assertEquals(className, report.getString("rows.find { it.key == '" + orderClass + "' }.label"));
    }

    @Test
    void groupsByTheStudentsMajor() {
        JsonPath report = yearly("from=2023&to=2024&groupBy=major&firmId=" + firm);
        assertEquals(
                Map.of(
                        "2023/" + major,
                        List.of(4, 2),
                        "2024/" + major,
                        List.of(1, 1),
                        "2024/" + otherMajor,
                        List.of(2, 1)),
                rowsByYearAndKey(report));
        assertEquals("汽车运用与维修" + major, report.getString("rows.find { it.key == '" + major + "' }.label"));
    }

    @Test
    void groupsByFirmWithinAMajor() {
        JsonPath report = yearly("from=2023&to=2024&groupBy=firm&majorCode=" + major);
        assertEquals(
                Map.of(
                        "2023/" + firm,
                        List.of(4, 2),
                        "2024/" + firm,
                        List.of(1, 1),
                        "2024/" + otherFirm,
                        List.of(1, 1)),
                rowsByYearAndKey(report));
        assertEquals(6, report.getInt("totals.personTimes"));
        assertEquals(2, report.getInt("totals.distinctStudents"));
        String firmName = Api.get("/api/v1/firms/" + firm).extract().path("name");
        assertEquals(firmName, report.getString("rows.find { it.key == '" + firm + "' }.label"));
    }

    @Test
    void filtersByTypeAndOrderClass() {
        assertEquals(
                List.of(2, 0),
                yearly("from=2023&to=2024&type=WORK_STUDY&firmId=" + firm).getList("rows.personTimes"));
        assertEquals(
                List.of(2, 0),
                yearly("from=2023&to=2024&orderClassId=" + orderClass).getList("rows.personTimes"));
        assertEquals(
                List.of(0, 1),
                yearly("from=2023&to=2024&type=POST_INTERNSHIP&firmId=" + otherFirm)
                        .getList("rows.personTimes"));
    }

    @Test
    void placementListByYearAgreesWithTheReport() {
        for (String basis : List.of("calendar", "academic")) {
            JsonPath report = yearly("from=2022&to=2025&yearBasis=" + basis + "&firmId=" + firm);
            for (int i = 0; i < 4; i++) {
                int year = report.getInt("rows[" + i + "].year");
                List<String> listed = Api.all(
                        "/api/v1/placements?firmId=" + firm + "&year=" + year + "&yearBasis=" + basis + "&limit=2",
                        "id");
                assertEquals(report.getInt("rows[" + i + "].personTimes"), listed.size(), basis + " " + year);
                List<String> students = Api.all(
                        "/api/v1/placements?firmId=" + firm + "&year=" + year + "&yearBasis=" + basis, "studentId");
                assertEquals(
                        report.getInt("rows[" + i + "].distinctStudents"),
                        students.stream().distinct().count());
            }
        }
        // The major filter means the student's major, as in the report: A's and B's 2024 placements.
        assertEquals(
                yearly("from=2024&to=2024&majorCode=" + major).getInt("rows[0].personTimes"),
                Api.all("/api/v1/placements?majorCode=" + major + "&year=2024", "id")
                        .size());
    }

    @Test
    void everyFormatCarriesTheSameNumbers() throws Exception {
        String query = "from=2022&to=2025&groupBy=type&firmId=" + firm;
        JsonPath json = yearly(query);

        String csv = given().accept("text/csv")
                .get(YEARLY + "?" + query)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertTrue(csv.startsWith(BOM), "a byte order mark, so Excel reads UTF-8");
        List<String> lines = csv.substring(1).lines().toList();
        assertEquals("year,key,label,personTimes,distinctStudents", lines.get(0));
        assertEquals(json.getList("rows").size() + 2, lines.size());
        for (int i = 0; i < json.getList("rows").size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(json.getString("rows[" + i + "].year"), cells[0]);
            assertEquals(json.getString("rows[" + i + "].key"), cells[1]);
            assertEquals(json.getString("rows[" + i + "].personTimes"), cells[3]);
            assertEquals(json.getString("rows[" + i + "].distinctStudents"), cells[4]);
        }
        assertTrue(lines.get(lines.size() - 1).endsWith(",7,3"), lines.get(lines.size() - 1));
        assertEquals(
                csv,
                given().get(YEARLY + "?" + query + "&format=csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());

        byte[] xlsx = given().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get(YEARLY + "?" + query)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Report");
            assertEquals("年份 Year", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("人次 Person-times", sheet.getRow(0).getCell(3).getStringCellValue());
            for (int i = 0; i < json.getList("rows").size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertEquals(json.getInt("rows[" + i + "].year"), (int)
                        row.getCell(0).getNumericCellValue());
                assertEquals(json.getInt("rows[" + i + "].personTimes"), (int)
                        row.getCell(3).getNumericCellValue());
                assertEquals(json.getInt("rows[" + i + "].distinctStudents"), (int)
                        row.getCell(4).getNumericCellValue());
            }
            Row total = sheet.getRow(json.getList("rows").size() + 1);
            assertEquals(7, (int) total.getCell(3).getNumericCellValue());
            assertEquals(3, (int) total.getCell(4).getNumericCellValue());
        }

        String svg = given().accept("image/svg+xml")
                .get(YEARLY + "?from=2022&to=2025&firmId=" + firm)
                .then()
                .statusCode(200)
                .contentType(containsString("image/svg+xml"))
                .extract()
                .asString();
        String firmName = Api.get("/api/v1/firms/" + firm).extract().path("name");
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.contains(firmName), "title names the filter");
        assertTrue(svg.contains("CANCELLED"), "title states the counting rule");
        assertTrue(svg.contains("人次 Person-times"), "axis label");
        assertTrue(svg.contains("<title>2023 人次 Person-times: 4</title>"), "2023 bar");
        assertTrue(svg.contains("<title>2024 人次 Person-times: 3</title>"), "2024 bar");
        assertTrue(!svg.contains("<title>2022"), "no bar for an empty year");
        assertEquals(2, svg.split("<rect x=").length - 1, "one bar per non-empty year");
    }

    @Test
    void downloadsAreNamedAfterWhatTheyCover() {
        String firmName = Api.get("/api/v1/firms/" + firm).extract().path("name");
        for (String format : List.of("csv", "xlsx", "svg")) {
            String disposition = given().get(
                            YEARLY + "?from=2022&to=2025&groupBy=type&type=WORK_STUDY&yearBasis=academic" + "&format="
                                    + format + "&firmId=" + firm)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("Content-Disposition");
            assertTrue(disposition.startsWith(format.equals("svg") ? "inline;" : "attachment;"), disposition);
            assertEquals(
                    "placements-yearly_" + firmName + "_work-study_by-type_2022-2025_academic-years." + format,
                    ReportText.fileName(disposition));
            // The test firm's name is 测试企业<digits>有限公司: the ASCII name keeps only the digits.
            assertEquals(
                    "placements-yearly_" + firmName.replaceAll("[^0-9]", "")
                            + "_work-study_by-type_2022-2025_academic-years." + format,
                    ReportText.asciiFileName(disposition));
        }
        String byClass = given().accept("text/csv")
                .get(YEARLY + "?from=2023&to=2023&orderClassId=" + orderClass + "&majorCode=" + major)
                .then()
                .statusCode(200)
                .extract()
                .header("Content-Disposition");
        String className =
                Api.get("/api/v1/order-classes/" + orderClass).extract().path("name");
        assertEquals("placements-yearly_" + className + "_" + major + "_2023-2023.csv", ReportText.fileName(byClass));
        assertEquals(
                "attachment; filename=\"placements-by-firm_all-years.xlsx\"; "
                        + "filename*=UTF-8''placements-by-firm_all-years.xlsx",
                given().get(BY_FIRM + "?format=xlsx")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("Content-Disposition"));
        assertEquals(
                "placements-by-firm_2024-2024.csv",
                ReportText.fileName(given().get(BY_FIRM + "?from=2024&to=2024&format=csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("Content-Disposition")));
        assertNull(given().get(YEARLY + "?firmId=" + firm)
                .then()
                .statusCode(200)
                .extract()
                .header("Content-Disposition"));
    }

    @Test
    void workbooksOpenReadable() throws Exception {
        String className =
                Api.get("/api/v1/order-classes/" + orderClass).extract().path("name");
        byte[] xlsx = given().get(YEARLY + "?from=2023&to=2024&groupBy=orderClass&format=xlsx&firmId=" + firm)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("Microsoft YaHei", workbook.getFontAt(0).getFontName(), "a font with Chinese glyphs");
            assertEquals(11, workbook.getFontAt(0).getFontHeightInPoints());
            Sheet sheet = workbook.getSheet("Report");
            assertTrue(
                    sheet.getPaneInformation() != null
                            && sheet.getPaneInformation().isFreezePane(),
                    "frozen header");
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertEquals(0, sheet.getPaneInformation().getVerticalSplitPosition());
            Row header = sheet.getRow(0);
            for (int c = 0; c < header.getLastCellNum(); c++) {
                assertTrue(
                        workbook.getFontAt(header.getCell(c).getCellStyle().getFontIndex())
                                .getBold(),
                        "bold header");
                // A Chinese character is two of Excel's character units wide.
                String text = header.getCell(c).getStringCellValue();
                int chars = text.length()
                        + (int) text.chars().filter(ch -> ch > 0x2E80).count();
                assertTrue(sheet.getColumnWidth(c) >= chars * 256, "column " + c + " fits its header");
            }
            Row row = sheet.getRow(1);
            assertEquals(2023, (int) row.getCell(0).getNumericCellValue());
            assertEquals(CellType.NUMERIC, row.getCell(3).getCellType());
            assertFalse(workbook.getFontAt(row.getCell(2).getCellStyle().getFontIndex())
                    .getBold());
            int labelWidth = 0;
            for (Row r : sheet) {
                labelWidth =
                        Math.max(labelWidth, r.getCell(2).getStringCellValue().length());
            }
            assertTrue(sheet.getColumnWidth(2) > labelWidth * 256, "labels fit, e.g. " + className);
            assertTrue(sheet.getColumnWidth(2) != sheet.getColumnWidth(0), "widths follow the contents");
            Sheet about = workbook.getSheet("About");
            assertTrue(about.getRow(1).getCell(0).getCellStyle().getWrapText(), "the counting rule wraps");
            assertTrue(about.getRow(1).getCell(0).getStringCellValue().contains("CANCELLED"));
        }
    }

    @Test
    void stacksGroupedChartsByGroup() {
        String svg = given().get(YEARLY + "?from=2023&to=2024&groupBy=type&format=svg&firmId=" + firm)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(svg.contains("<title>2023 工学交替 Work-study: 2</title>"));
        assertTrue(svg.contains("<title>2024 现代学徒制 Apprenticeship: 1</title>"));
    }

    /** Titles and legends wrap into lines between words, and long Chinese names between characters. */
    @Test
    void chartsBreakLongTextIntoLinesThatFit() {
        long n = TestData.next();
        Map<String, Object> firmBody = TestData.firmRequest();
        String firmName = "Baoding Great Wall Precision Automotive Components and Moulds Manufacturing Company " + n;
        firmBody.put("name", firmName);
        String longFirm = TestData.created("/api/v1/firms", firmBody);
        Map<String, Object> classBody = TestData.orderClassRequest(longFirm, major, 5);
        String className = "长城汽车哈弗品牌总装车间二〇二四级现代学徒制订单班第" + n + "期";
        classBody.put("name", className);
        String longClass = TestData.created("/api/v1/order-classes", classBody);
        String student = TestData.student(major);
        place(student, longFirm, "WORK_STUDY", longClass, "2024-03-04", "2024-04-26");
        place(student, longFirm, "COGNITIVE", null, "2024-05-06", "2024-05-10");

        String svg = given().get(YEARLY + "?from=2024&to=2024&groupBy=orderClass&format=svg&firmId=" + longFirm)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> texts = new ArrayList<>();
        List<String> titleLines = new ArrayList<>();
        Matcher m = Pattern.compile("<text([^>]*)>(.*?)</text>").matcher(svg);
        while (m.find()) {
            String text = m.group(2)
                    .replaceAll("<[^>]+>", "")
                    .replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&");
            texts.add(text);
            boolean title = m.group(1).contains("bold");
            if (title) {
                titleLines.add(text);
            }
            // 900 px: about 80 characters of the 18 px bold title, 150 of 11 px text.
            assertTrue(text.length() <= (title ? 80 : 150), "a line wider than the chart: " + text);
        }
        assertTrue(titleLines.size() > 1, titleLines.toString());
        for (String word : firmName.split(" ")) {
            assertTrue(
                    titleLines.stream()
                            .anyMatch(line -> List.of(line.split(" ")).contains(word)),
                    "the title breaks inside " + word + ": " + titleLines);
        }
        boolean legendInTwoLines = false;
        for (int i = 0; i + 1 < texts.size(); i++) {
            legendInTwoLines |= (texts.get(i) + texts.get(i + 1)).equals(className);
        }
        assertTrue(legendInTwoLines, "the legend shows the whole class name in two lines: " + texts);
    }

    @Test
    void byFirmGivesCumulativeTotalsLargestFirst() {
        JsonPath all = new JsonPath(Api.get(BY_FIRM).statusCode(200).extract().asString());
        assertNull(all.get("from"));
        Map<String, Object> row = all.getMap("rows.find { it.firmId == '" + firm + "' }");
        assertEquals(7, row.get("personTimes"));
        assertEquals(3, row.get("distinctStudents"));
        assertEquals(2023, row.get("firstYear"));
        assertEquals(2024, row.get("lastYear"));
        Map<String, Object> other = all.getMap("rows.find { it.firmId == '" + otherFirm + "' }");
        assertEquals(1, other.get("personTimes"));
        List<Integer> sizes = all.getList("rows.personTimes");
        List<Integer> sorted = new ArrayList<>(sizes);
        sorted.sort((x, y) -> y - x);
        assertEquals(sorted, sizes);

        JsonPath ranged = new JsonPath(Api.get(BY_FIRM + "?from=2024&to=2024")
                .statusCode(200)
                .extract()
                .asString());
        Map<String, Object> in2024 = ranged.getMap("rows.find { it.firmId == '" + firm + "' }");
        assertEquals(3, in2024.get("personTimes"));
        assertEquals(2, in2024.get("distinctStudents"));
        assertEquals(2024, in2024.get("firstYear"));

        byte[] bytes = given().get(BY_FIRM + "?format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith(firm + ",") && l.endsWith(",7,3,2023,2024")), csv);
    }

    /**
     * Names a spreadsheet would run as formulas: CSV cells get a leading apostrophe (OWASP's advice), so
     * Excel shows the text; XLSX keeps the exact name in a text cell, which Excel never evaluates.
     */
    @Test
    void exportsNeverHandSpreadsheetsAFormula() throws Exception {
        long n = TestData.next();
        Map<String, Object> firmBody = TestData.firmRequest();
        String firmName = "=HYPERLINK(\"http://x\",\"y" + n + "\")";
        firmBody.put("name", firmName);
        String formulaFirm = TestData.created("/api/v1/firms", firmBody);
        String code = TestData.majorCode();
        String majorName = "-2+3 " + code;
        Api.post("/api/v1/majors", Map.of("code", code, "name", majorName)).statusCode(201);
        Map<String, Object> classBody = TestData.orderClassRequest(formulaFirm, code, 5);
        String className = "@SUM(1) " + n;
        classBody.put("name", className);
        String formulaClass = TestData.created("/api/v1/order-classes", classBody);
        String student = TestData.student(code);
        place(student, formulaFirm, "WORK_STUDY", formulaClass, "2024-03-01", "2024-03-31");
        place(student, formulaFirm, "COGNITIVE", null, "2024-05-06", "2024-05-10");

        Map<String, String> labelled = Map.of("firm", firmName, "major", majorName, "orderClass", className);
        for (Map.Entry<String, String> group : labelled.entrySet()) {
            String query = "from=2024&to=2024&firmId=" + formulaFirm + "&groupBy=" + group.getKey();
            List<CSVRecord> rows = csvRecords(given().get(YEARLY + "?format=csv&" + query)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            CSVRecord row = rows.stream()
                    .filter(r -> r.get("label").contains(group.getValue().substring(1)))
                    .findFirst()
                    .orElseThrow();
            assertEquals("'" + group.getValue(), row.get("label"));
            // Numbers are never touched.
            assertEquals("2024", row.get("year"));
            assertTrue(row.get("personTimes").matches("[12]"), row.get("personTimes"));

            byte[] xlsx = given().get(YEARLY + "?format=xlsx&" + query)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Row first = workbook.getSheet("Report").getRow(1);
                assertEquals(CellType.STRING, first.getCell(2).getCellType());
                assertTrue(
                        List.of(group.getValue(), "（无订单班）No order class")
                                .contains(first.getCell(2).getStringCellValue()),
                        first.getCell(2).getStringCellValue());
                assertEquals(CellType.NUMERIC, first.getCell(3).getCellType());
            }
        }
        List<CSVRecord> byFirm = csvRecords(given().get(BY_FIRM + "?format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        CSVRecord row = byFirm.stream()
                .filter(r -> r.get("firmId").equals(formulaFirm))
                .findFirst()
                .orElseThrow();
        assertEquals("'" + firmName, row.get("firmName"));
        assertEquals("2", row.get("personTimes"));
        assertEquals("2024", row.get("firstYear"));
    }

    @Test
    void reflectsAWriteMadeJustBefore() {
        assertEquals(List.of(0), yearly("from=2025&to=2025&firmId=" + firm).getList("rows.personTimes"));
        place(a, firm, "COGNITIVE", null, "2025-03-01", "2025-03-02");
        assertEquals(List.of(1), yearly("from=2025&to=2025&firmId=" + firm).getList("rows.personTimes"));
    }

    @Test
    void filtersNamingNothingAreNotFoundInEveryFormat() {
        for (String format : ReportText.FORMATS) {
            for (String filter : List.of(
                    "firmId=" + UUID.randomUUID(),
                    "orderClassId=" + UUID.randomUUID(),
                    "majorCode=" + TestData.majorCode(),
                    "firmId=" + firm + "&orderClassId=" + UUID.randomUUID())) {
                given().get(YEARLY + "?format=" + format + "&" + filter)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("type", endsWith("/not-found"));
            }
        }
    }

    @Test
    void titlesNameWhatTheFiltersNameNeverAnId() {
        String firmName = Api.get("/api/v1/firms/" + firm).extract().path("name");
        String className =
                Api.get("/api/v1/order-classes/" + orderClass).extract().path("name");
        String majorName = Api.get("/api/v1/majors/" + major).extract().path("name");
        String query = "from=2023&to=2024&firmId=" + firm + "&orderClassId=" + orderClass + "&majorCode=" + major;
        for (String format : List.of("xlsx", "svg")) {
            String text = ReportText.of(
                    format,
                    given().get(YEARLY + "?format=" + format + "&" + query)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asByteArray());
            assertTrue(text.contains(firmName) && text.contains(className) && text.contains(majorName), text);
            assertFalse(text.contains(firm) || text.contains(orderClass), text);
        }
    }

    @Test
    void rejectsBadRangesAndParameters() {
        expectInvalid(YEARLY + "?from=2025&to=2020", "from");
        expectInvalid(YEARLY + "?from=1960&to=2025", "to");
        expectInvalid(YEARLY + "?groupBy=school", "groupBy");
        expectInvalid(YEARLY + "?yearBasis=fiscal", "yearBasis");
        expectInvalid(YEARLY + "?format=pdf", "format");
        expectInvalid(YEARLY + "?from=soon", "from");
        expectInvalid(YEARLY + "?colour=red", "colour");
        expectInvalid(BY_FIRM + "?from=2025&to=2020", "from");
        given().accept("text/html").get(YEARLY).then().statusCode(406).contentType("application/problem+json");
        Api.get(YEARLY + "?from=1976&to=2025").statusCode(200).body("rows", hasSize(50));
    }

    @Test
    void defaultsToTheLastTenYears() {
        int thisYear = Year.now().getValue();
        Api.get(YEARLY + "?firmId=" + firm)
                .statusCode(200)
                .body("from", equalTo(thisYear - 9))
                .body("to", equalTo(thisYear))
                .body("rows", hasSize(10))
                .body("groupBy", nullValue());
    }

    private static void expectInvalid(String path, String field) {
        Api.get(path)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-query-parameter"))
                .body("errors[0].field", equalTo(field));
    }

    private static List<CSVRecord> csvRecords(String csv) throws Exception {
        assertTrue(csv.startsWith(BOM));
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv.substring(1)))
                .getRecords();
    }

    private static JsonPath yearly(String query) {
        return new JsonPath(
                Api.get(YEARLY + "?" + query).statusCode(200).extract().asString());
    }

    private static Map<String, List<Integer>> rowsByYearAndKey(JsonPath report) {
        Map<String, List<Integer>> rows = new HashMap<>();
        List<Map<String, Object>> list = report.getList("rows");
        for (Map<String, Object> row : list) {
            rows.put(row.get("year") + "/" + row.get("key"), List.of((Integer) row.get("personTimes"), (Integer)
                    row.get("distinctStudents")));
        }
        return rows;
    }

    private static String place(
            String student, String firmId, String type, String orderClassId, String start, String end) {
        Map<String, Object> body = TestData.placementRequest(student, firmId, start, end);
        body.put("type", type);
        if (orderClassId != null) {
            body.put("orderClassId", orderClassId);
        }
        return TestData.created("/api/v1/placements", body);
    }
}
