package vn.cadretraining.people.service.transfer;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.cadretraining.shared.files.Spreadsheets;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * A table written row by row to a stream, as .xlsx or .csv, for exports and templates. Rows are never all in
 * memory: the workbook is POI's streaming SXSSF (a window of 200 rows, the rest flushed to a temporary
 * file), the CSV goes straight out. Every text value is neutralised against formula injection
 * ({@link CellSafety}); dates are real date cells in .xlsx (typed, framed and printed as every workbook is,
 * {@link Spreadsheets}) and dd/MM/yyyy in .csv.
 */
public abstract class RosterSheet implements Closeable {

    /** Opens a sheet and writes its header row. */
    public static RosterSheet open(FileFormat format, OutputStream out, String sheetName, List<String> headers)
            throws IOException {
        RosterSheet sheet = format == FileFormat.XLSX ? new Xlsx(out, sheetName) : new Csv(out);
        sheet.header(headers);
        return sheet;
    }

    /** One row; each value a String, a LocalDate, a LocalDateTime, a Number or null (an empty cell). */
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
        private final Spreadsheets.Styles styles;
        private Sheet sheet;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            styles = Spreadsheets.styles(workbook);
            sheet = workbook.createSheet(Spreadsheets.sheetName(sheetName));
        }

        @Override
        void header(List<String> headers) {
            styles.header(sheet, next++, headers);
            for (int i = 0; i < headers.size(); i++) {
                sheet.setColumnWidth(i, Math.min(60, Math.max(12, headers.get(i).length() + 6)) * 256);
                sheet.setDefaultColumnStyle(i, styles.text());
            }
            Spreadsheets.frameAndPrint(sheet, 0, 0);
        }

        @Override
        public void widths(List<Integer> characters) {
            for (int i = 0; i < characters.size(); i++) {
                sheet.setColumnWidth(i, characters.get(i) * 256);
            }
        }

        @Override
        public void nextSheet(String name, List<String> headers) {
            sheet = workbook.createSheet(Spreadsheets.sheetName(name));
            next = 0;
            header(headers);
        }

        @Override
        public void row(List<?> values) {
            styles.row(sheet, next++, values);
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
        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
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
                        : v instanceof LocalDateTime t ? DATE_TIME.format(t) : CellSafety.neutralise(v.toString()));
            }
            printer.printRecord(cells);
        }

        @Override
        public void close() throws IOException {
            printer.flush();
        }
    }
}
