package vn.cadretraining.shared.files;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * What every workbook the application writes has in common, so that a clerk can sort, sum and print it:
 * numbers and dates as typed cells in the Vietnamese formats (dd/mm/yyyy, grouped integers, percentages),
 * empty values as no cell at all, frozen header rows, an A4 landscape print setup fitted to one page wide with
 * the header rows on every page, and sheet names that fit Excel's 31 characters without a word cut in half.
 * <p>
 * Text is data, never a formula: a cell that begins with = + - @, a tab or a carriage return would be run by
 * Excel or LibreOffice (CSV injection), so it gets a leading apostrophe, which spreadsheets show as text.
 */
public final class Spreadsheets {

    /** Excel refuses a longer sheet name. */
    public static final int SHEET_NAME_MAX = 31;

    private Spreadsheets() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** A share written as a percentage: 0.6 shows as 60,0%. */
    public record Percent(double fraction) {
    }

    /**
     * A sheet name Excel accepts: none of : \ / ? * [ ], no apostrophe at either end, at most 31 characters,
     * shortened at the last word boundary that fits (a single longer word is cut, there is no other way).
     */
    public static String sheetName(String name) {
        String clean = name.replaceAll("[:\\\\/?*\\[\\]]", " ").replaceAll("\\s+", " ").strip();
        if (clean.length() > SHEET_NAME_MAX) {
            int cut = -1;
            for (int i = SHEET_NAME_MAX; i > 0; i--) {
                if (clean.charAt(i) == ' ') {
                    cut = i;
                    break;
                }
            }
            clean = clean.substring(0, cut > 0 ? cut : SHEET_NAME_MAX);
            // "Kết quả theo đơn vị (xã, phường": a bracket left open reads as cut, so its words go
            int open = clean.lastIndexOf('(');
            if (open > 0 && clean.indexOf(')', open) < 0) {
                clean = clean.substring(0, open);
            }
        }
        // a name ending in a separator ("Số cán bộ theo —") reads as cut: drop the separators, then the apostrophes
        clean = clean.replaceAll("[\\s,;.\\-–—(]+$", "").replaceAll("^'+|'+$", "").strip();
        return clean.isEmpty() ? "Sheet" : clean;
    }

    /**
     * The header rows {@code first..last} (0-based) frozen on screen and repeated on every printed page; the sheet
     * printed on A4 landscape, as wide as one page and as many pages long as it takes.
     */
    public static void frameAndPrint(Sheet sheet, int first, int last) {
        sheet.createFreezePane(0, last + 1);
        sheet.setRepeatingRows(new CellRangeAddress(first, last, -1, -1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
    }

    /** The cell styles of one workbook (a workbook holds at most 64,000 styles: make them once). */
    public static Styles styles(Workbook book) {
        return new Styles(book);
    }

    public static final class Styles {
        private final CellStyle header;
        private final CellStyle bold;
        private final CellStyle text;
        private final CellStyle whole;
        private final CellStyle decimal;
        private final CellStyle percent;
        private final CellStyle date;
        private final CellStyle dateTime;

        private Styles(Workbook book) {
            DataFormat formats = book.createDataFormat();
            Font font = book.createFont();
            font.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(font);
            header = book.createCellStyle();
            header.setFont(font);
            header.setWrapText(true);
            // "@": text, so that Excel keeps the leading zero of a phone or ID typed into the cell later
            text = format(book, formats, "@");
            whole = format(book, formats, "#,##0");
            decimal = format(book, formats, "#,##0.0");
            percent = format(book, formats, "0.0%");
            date = format(book, formats, "dd/mm/yyyy");
            dateTime = format(book, formats, "dd/mm/yyyy hh:mm:ss");
        }

        private static CellStyle format(Workbook book, DataFormat formats, String code) {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(formats.getFormat(code));
            return style;
        }

        /** The style of text cells, for the default style of a text column. */
        public CellStyle text() {
            return text;
        }

        /** A row of bold, wrapped headings. */
        public Row header(Sheet sheet, int rowIndex, List<String> headings) {
            Row row = sheet.createRow(rowIndex);
            for (int i = 0; i < headings.size(); i++) {
                Cell c = row.createCell(i);
                c.setCellValue(neutralise(headings.get(i)));
                c.setCellStyle(header);
            }
            return row;
        }

        /** A bold line of text (a title or a table's caption) in the first cell. */
        public Cell title(Sheet sheet, int rowIndex, String text) {
            Cell c = sheet.createRow(rowIndex).createCell(0);
            c.setCellValue(neutralise(text));
            c.setCellStyle(bold);
            return c;
        }

        /**
         * One value in its typed cell: a LocalDate or LocalDateTime as a date, a whole number grouped, another
         * number with one decimal, a {@link Percent} as a percentage, anything else as neutralised text. Null or
         * empty text makes no cell: the cell stays empty, as a clerk's blank.
         */
        public void set(Row row, int column, Object value) {
            if (value == null || value instanceof String s && s.isEmpty()) {
                return;
            }
            Cell c = row.createCell(column);
            if (value instanceof LocalDate d) {
                c.setCellValue(d);
                c.setCellStyle(date);
            } else if (value instanceof LocalDateTime t) {
                c.setCellValue(t);
                c.setCellStyle(dateTime);
            } else if (value instanceof Percent p) {
                c.setCellValue(p.fraction());
                c.setCellStyle(percent);
            } else if (value instanceof Number n) {
                double v = n.doubleValue();
                c.setCellValue(v);
                c.setCellStyle(v == Math.rint(v) ? whole : decimal);
            } else {
                c.setCellValue(neutralise(value.toString()));
                c.setCellStyle(text);
            }
        }

        /** A row of values from {@code set}. */
        public Row row(Sheet sheet, int rowIndex, List<?> values) {
            Row row = sheet.createRow(rowIndex);
            for (int i = 0; i < values.size(); i++) {
                set(row, i, values.get(i));
            }
            return row;
        }
    }
}
