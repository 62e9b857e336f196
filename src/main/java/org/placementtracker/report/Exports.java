package org.placementtracker.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes report tables as CSV (UTF-8 with a byte order mark, header row) and XLSX (bilingual header,
 * numbers as numbers, a readable default style).
 */
final class Exports {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** Microsoft's Chinese UI font, on every Windows since Vista and with Office for Mac. */
    private static final String XLSX_FONT = "Microsoft YaHei";

    private static final int MIN_COLUMN_CHARS = 8;
    private static final int MAX_COLUMN_CHARS = 60;
    private static final int ABOUT_COLUMN_CHARS = 100;
    /** First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Exports() {}

    /**
     * The table as CSV, starting with a byte order mark: without it Excel reads UTF-8 as the local
     * code page and garbles Chinese names.
     */
    static String csv(Table table) {
        StringWriter out = new StringWriter();
        out.write(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
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

    /**
     * The table as a workbook that opens readable: a font with Chinese glyphs, a bold header that stays
     * in view when scrolling, columns as wide as their contents, numbers as numbers; the title and
     * counting rule on a second sheet.
     */
    static byte[] xlsx(Table table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // The default font is the one every cell without a style of its own uses.
            Font normal = workbook.getFontAt(0);
            normal.setFontName(XLSX_FONT);
            normal.setFontHeightInPoints((short) 11);
            Font boldFont = workbook.createFont();
            boldFont.setFontName(XLSX_FONT);
            boldFont.setFontHeightInPoints((short) 11);
            boldFont.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(boldFont);
            headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            headerStyle.setBorderBottom(BorderStyle.THIN);
            headerStyle.setVerticalAlignment(VerticalAlignment.CENTER);

            Sheet sheet = workbook.createSheet("Report");
            int[] widths = new int[table.columns().size()];
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                String text = table.columns().get(c).header();
                header.createCell(c).setCellValue(text);
                header.getCell(c).setCellStyle(headerStyle);
                widths[c] = displayWidth(text);
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
                    widths[c] = Math.max(widths[c], displayWidth(value == null ? "" : value.toString()));
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(MAX_COLUMN_CHARS, Math.max(MIN_COLUMN_CHARS, widths[c] + 2)) * 256);
            }
            sheet.createFreezePane(0, 1);

            Sheet about = workbook.createSheet("About");
            about.setColumnWidth(0, ABOUT_COLUMN_CHARS * 256);
            CellStyle titleStyle = workbook.createCellStyle();
            titleStyle.setFont(boldFont);
            titleStyle.setWrapText(true);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            aboutLine(about, 0, table.title(), titleStyle);
            aboutLine(about, 1, table.note(), wrapped);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wrapped line of the About sheet, its row tall enough for the lines it wraps into. */
    private static void aboutLine(Sheet about, int index, String text, CellStyle style) {
        Row row = about.createRow(index);
        row.createCell(0).setCellValue(text);
        row.getCell(0).setCellStyle(style);
        int lines = Math.max(1, (displayWidth(text) + ABOUT_COLUMN_CHARS - 1) / ABOUT_COLUMN_CHARS);
        row.setHeightInPoints(lines * 16f);
    }

    /** Width in Excel's character units: a Chinese character takes two. */
    private static int displayWidth(String text) {
        return text.codePoints().map(c -> TextLines.wide(c) ? 2 : 1).sum();
    }
}
