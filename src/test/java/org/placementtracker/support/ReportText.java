package org.placementtracker.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Everything a reader of a report sees, as text, whatever its format: a JSON, CSV or SVG body as it
 * is, and of an XLSX workbook every sheet name and every cell (a formula as {@code =...}), so one
 * {@code contains} looks for a name everywhere a person could find it.
 */
public final class ReportText {

    public static final List<String> FORMATS = List.of("json", "csv", "xlsx", "svg");

    private ReportText() {}

    /** The UTF-8 file name ({@code filename*}, RFC 8187) of a {@code Content-Disposition} header. */
    public static String fileName(String contentDisposition) {
        Matcher m = Pattern.compile("filename\\*=UTF-8''([^;\\s]+)").matcher(contentDisposition);
        if (!m.find()) {
            throw new AssertionError("no filename* in " + contentDisposition);
        }
        return URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The plain {@code filename} of a {@code Content-Disposition} header. */
    public static String asciiFileName(String contentDisposition) {
        Matcher m = Pattern.compile("filename=\"([^\"]*)\"").matcher(contentDisposition);
        if (!m.find()) {
            throw new AssertionError("no filename in " + contentDisposition);
        }
        return m.group(1);
    }

    public static String of(String format, byte[] body) {
        if (!format.equals("xlsx")) {
            return new String(body, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Sheet sheet : workbook) {
                text.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(
                                        switch (cell.getCellType()) {
                                            case STRING -> cell.getStringCellValue();
                                            case NUMERIC -> Double.toString(cell.getNumericCellValue());
                                            case FORMULA -> "=" + cell.getCellFormula();
                                            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                                            default -> "";
                                        })
                                .append('\t');
                    }
                    text.append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
