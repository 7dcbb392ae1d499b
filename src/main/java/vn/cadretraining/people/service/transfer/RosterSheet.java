package vn.cadretraining.people.service.transfer;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * A table written row by row to a stream, as .xlsx or .csv, for exports and templates. Rows are never all in
 * memory: the workbook is POI's streaming SXSSF (a window of 200 rows, the rest flushed to a temporary
 * file), the CSV goes straight out. Every text value is neutralised against formula injection
 * ({@link CellSafety}); dates are real date cells in .xlsx and dd/MM/yyyy in .csv.
 */
public abstract class RosterSheet implements Closeable {

    /** Opens a sheet and writes its header row. */
    public static RosterSheet open(FileFormat format, OutputStream out, String sheetName, List<String> headers)
            throws IOException {
        RosterSheet sheet = format == FileFormat.XLSX ? new Xlsx(out, sheetName) : new Csv(out);
        sheet.header(headers);
        return sheet;
    }

    /** One row; each value a String, a LocalDate, a Number or null. */
    public abstract void row(List<?> values) throws IOException;

    abstract void header(List<String> headers) throws IOException;

    /** For workbooks: the columns' widths in characters; ignored for CSV. */
    public abstract void widths(List<Integer> characters);

    /** For workbooks: another sheet after the first (instructions, lists); ignored for CSV. */
    public abstract void nextSheet(String name, List<String> headers) throws IOException;

    /** Finishes the file (the workbook is written out here) without closing the stream it was given. */
    @Override
    public abstract void close() throws IOException;

    private static final class Xlsx extends RosterSheet {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final CellStyle headerStyle;
        private final CellStyle dateStyle;
        private final CellStyle textStyle;
        private Sheet sheet;
        private int next;
        private int columns;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            headerStyle.setWrapText(true);
            dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            // "@": text, so that Excel keeps the leading zero of a phone or ID typed into the cell later
            textStyle = workbook.createCellStyle();
            textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
            sheet = workbook.createSheet(sheetName);
        }

        @Override
        void header(List<String> headers) {
            columns = headers.size();
            Row row = sheet.createRow(next++);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, Math.min(60, Math.max(12, headers.get(i).length() + 6)) * 256);
                sheet.setDefaultColumnStyle(i, textStyle);
            }
            sheet.createFreezePane(0, 1);
        }

        @Override
        public void widths(List<Integer> characters) {
            for (int i = 0; i < characters.size(); i++) {
                sheet.setColumnWidth(i, characters.get(i) * 256);
            }
        }

        @Override
        public void nextSheet(String name, List<String> headers) {
            sheet = workbook.createSheet(name);
            next = 0;
            header(headers);
        }

        @Override
        public void row(List<?> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(dateStyle);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    cell.setCellValue(CellSafety.neutralise(v.toString()));
                    cell.setCellStyle(textStyle);
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.write(out);
                out.flush();
            } finally {
                workbook.dispose();
                workbook.close();
            }
        }
    }

    private static final class Csv extends RosterSheet {
        private final CSVPrinter printer;

        Csv(OutputStream out) throws IOException {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            // the byte order mark makes Excel read the file as UTF-8 ("CSV UTF-8"), not in the local code page
            writer.write('\uFEFF');
            printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        }

        @Override
        void header(List<String> headers) throws IOException {
            printer.printRecord(headers);
        }

        @Override
        public void widths(List<Integer> characters) {
            // a CSV file has no widths
        }

        @Override
        public void nextSheet(String name, List<String> headers) {
            // a CSV file has one table
        }

        @Override
        public void row(List<?> values) throws IOException {
            List<String> cells = new ArrayList<>(values.size());
            for (Object v : values) {
                cells.add(v == null ? "" : v instanceof LocalDate d ? VietnamTime.DATE.format(d)
                        : CellSafety.neutralise(v.toString()));
            }
            printer.printRecord(cells);
        }

        @Override
        public void close() throws IOException {
            printer.flush();
        }
    }
}
