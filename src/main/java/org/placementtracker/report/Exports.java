package org.placementtracker.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes report tables as CSV (UTF-8 with a byte order mark, header row) and XLSX (bilingual header,
 * numbers as numbers).
 */
final class Exports {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Exports() {
    }

    /**
     * The table as CSV, starting with a byte order mark: without it Excel reads UTF-8 as the local
     * code page and garbles Chinese names.
     */
    static String csv(Table table) {
        StringWriter out = new StringWriter();
        out.write(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(table.columns().stream().map(Table.Column::key).toList());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(Exports::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A text cell that a spreadsheet would take for a formula (a firm named {@code =HYPERLINK(...)})
     * gets a leading apostrophe, as OWASP advises for CSV, so it shows as the text it is. Numbers stay
     * as they are: counts must stay numbers, and no number is a formula. XLSX needs none of this: its
     * text cells are never evaluated.
     */
    private static Object inert(Object cell) {
        if (cell instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }

    static byte[] xlsx(Table table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Report");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                header.createCell(c).setCellValue(table.columns().get(c).header());
                header.getCell(c).setCellStyle(bold);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> cells = table.rows().get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(value == null ? "" : value.toString());
                    }
                }
            }
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            Sheet about = workbook.createSheet("About");
            about.createRow(0).createCell(0).setCellValue(table.title());
            about.createRow(1).createCell(0).setCellValue(table.note());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
