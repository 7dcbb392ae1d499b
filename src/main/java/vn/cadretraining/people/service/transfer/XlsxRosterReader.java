package vn.cadretraining.people.service.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * An .xlsx roster, read as a stream of SAX events from the first worksheet (never a whole workbook in
 * memory), with the defences an uploaded zip needs:
 * <ul>
 * <li>zip bombs: POI's {@link ZipSecureFile} refuses an entry that inflates more than 100 times its packed
 * size or beyond 50 MB (a 20,000-row sheet is about 15 MB; a part is read whole into memory only for the
 * shared strings);</li>
 * <li>formulas: a cell with a formula anywhere in the workbook refuses the file, naming the cell, because
 * what was imported would be a cached result nobody sees, and such a file was not meant as data;</li>
 * <li>macro-enabled and other non-workbook packages are refused as "not an .xlsx".</li>
 * </ul>
 */
final class XlsxRosterReader {

    static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;
    static final double MIN_INFLATE_RATIO = 0.01;

    static {
        // process-wide POI settings: every workbook this application opens is an upload
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(1000);
    }

    private XlsxRosterReader() {
    }

    static List<RawRow> read(byte[] content, IntConsumer progress) {
        Path file = null;
        try {
            // a file, not a stream: POI then inflates each part lazily as it is read, through ZipSecureFile
            file = Files.createTempFile("roster-import-", ".xlsx");
            Files.write(file, content);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                return read(pkg, progress);
            }
        } catch (BusinessException e) {
            throw e;
        } catch (NotOfficeXmlFileException | InvalidFormatException | OpenXML4JRuntimeException e) {
            throw zipBombOr(e, "import.error.notXlsx");
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw zipBombOr(e, "import.error.xlsxUnreadable");
        } catch (RuntimeException e) {
            // a corrupt part can surface as any POI runtime exception: still the file's fault, not ours
            throw zipBombOr(e, "import.error.xlsxUnreadable");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is no reason to fail an import
                }
            }
        }
    }

    private static List<RawRow> read(OPCPackage pkg, IntConsumer progress) throws IOException, OpenXML4JException,
            SAXException, ParserConfigurationException {
        if (pkg.getPartsByContentType(XSSFRelation.WORKBOOK.getContentType()).isEmpty()) {
            // a macro-enabled workbook, a template, a Word file, a zip with something else
            throw new BusinessException("import.error.notXlsx");
        }
        XSSFReader reader = new XSSFReader(pkg);
        SharedStrings strings = reader.getSharedStringsTable();
        StylesTable styles = reader.getStylesTable();
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        if (!sheets.hasNext()) {
            throw new BusinessException("import.error.noRows");
        }
        RowsHandler rows = null;
        while (sheets.hasNext()) {
            try (InputStream sheet = sheets.next()) {
                String name = sheets.getSheetName();
                if (rows == null) {
                    rows = new RowsHandler(name, strings, styles, progress);
                    parse(sheet, rows);
                } else {
                    // the other sheets (instructions) are not read, but may not hide formulas either
                    parse(sheet, new FormulaFinder(name));
                }
            }
        }
        if (rows.dataRows > RosterFileReader.MAX_ROWS) {
            throw new BusinessException("import.error.tooManyRows", rows.dataRows, RosterFileReader.MAX_ROWS);
        }
        progress.accept(rows.rows.size());
        return rows.rows;
    }

    private static void parse(InputStream sheet, DefaultHandler handler) throws IOException, SAXException,
            ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader(); // no DTDs, no external entities
        xml.setContentHandler(handler);
        xml.parse(new InputSource(sheet));
    }

    private static BusinessException zipBombOr(Throwable e, String otherwise) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("potentially malicious"))) {
                return new BusinessException("import.error.zipBomb");
            }
        }
        return new BusinessException(otherwise);
    }

    /** Stops at the first formula of a sheet. */
    private static class FormulaFinder extends DefaultHandler {
        final String sheetName;
        String cellRef;

        FormulaFinder(String sheetName) {
            this.sheetName = sheetName;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if ("c".equals(localName)) {
                cellRef = attributes.getValue("r");
            } else if ("f".equals(localName)) {
                throw new BusinessException("import.error.formula", sheetName + "!" + (cellRef == null ? "?" : cellRef));
            }
        }
    }

    /** The first sheet: the header row, then one {@link RawRow} per row that has any value. */
    private static final class RowsHandler extends FormulaFinder {
        private final SharedStrings strings;
        private final StylesTable styles;
        private final IntConsumer progress;
        final List<RawRow> rows = new ArrayList<>();
        int dataRows;

        private HeaderRow header;
        private int rowNumber;
        private Map<Integer, String> cells;
        private final Set<Integer> numberCells = new HashSet<>();
        private int column;
        private String type;
        private String style;
        private final StringBuilder text = new StringBuilder();
        private boolean inValue;
        private boolean inInline;
        private String value;

        RowsHandler(String sheetName, SharedStrings strings, StylesTable styles, IntConsumer progress) {
            super(sheetName);
            this.strings = strings;
            this.styles = styles;
            this.progress = progress;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            super.startElement(uri, localName, qName, attributes);
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new HashMap<>();
                    numberCells.clear();
                    column = -1;
                }
                case "c" -> {
                    column = cellRef == null ? column + 1 : new CellReference(cellRef).getCol();
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    value = null;
                }
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "is" -> {
                    inInline = true;
                    text.setLength(0);
                }
                default -> {
                    // other elements carry nothing a roster needs
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInline) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> {
                    inValue = false;
                    value = text.toString();
                }
                case "is" -> {
                    inInline = false;
                    value = text.toString();
                }
                case "c" -> {
                    if (value != null && cells != null) {
                        String cell = cellText(value);
                        cells.put(column, cell);
                        if ((type == null || "n".equals(type)) && !cell.contains("/")) {
                            numberCells.add(column);
                        }
                    }
                }
                case "row" -> endRow();
                default -> {
                    // nothing to do
                }
            }
        }

        private void endRow() {
            if (cells == null || cells.values().stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            if (header == null) {
                List<String> texts = new ArrayList<>();
                int last = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
                for (int i = 0; i <= last; i++) {
                    texts.add(cells.get(i));
                }
                header = HeaderRow.of(texts);
                return;
            }
            dataRows++;
            if (dataRows <= RosterFileReader.MAX_ROWS) {
                rows.add(header.row(rowNumber, restoreLeadingZeros(cells)));
                if (dataRows % 1000 == 0) {
                    progress.accept(dataRows);
                }
            }
        }

        /** The text of a cell: shared and inline strings as they are, dates as dd/MM/yyyy, numbers plain. */
        private String cellText(String raw) {
            if (type == null || "n".equals(type)) {
                return number(raw);
            }
            return switch (type) {
                case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
                case "b" -> "1".equals(raw.strip()) ? "TRUE" : "FALSE";
                case "d" -> isoDate(raw);
                default -> raw; // inlineStr, str, e
            };
        }

        private String number(String raw) {
            double d;
            try {
                d = Double.parseDouble(raw.strip());
            } catch (NumberFormatException e) {
                return raw;
            }
            if (style != null && isDateStyle(Integer.parseInt(style)) && DateUtil.isValidExcelDate(d)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(d);
                return VietnamTime.DATE.format(dateTime.toLocalDate());
            }
            // 912345678.0 → "912345678", never "9.12345678E8"
            return new BigDecimal(raw.strip()).stripTrailingZeros().toPlainString();
        }

        private boolean isDateStyle(int index) {
            if (index < 0 || index >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(index);
            return DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        }

        private static String isoDate(String raw) {
            try {
                return VietnamTime.DATE.format(LocalDate.parse(raw.strip().substring(0, Math.min(10, raw.strip().length()))));
            } catch (RuntimeException e) {
                return raw;
            }
        }

        /**
         * A phone or ID number typed into a number cell lost its leading zero (0912345678 became 912345678):
         * every Vietnamese phone number and citizen ID begins with 0, so the zero is put back. Text cells are
         * left as they are.
         */
        private Map<Integer, String> restoreLeadingZeros(Map<Integer, String> row) {
            row.replaceAll((index, text) -> {
                RosterColumn c = header.columnAt(index);
                if (text != null && numberCells.contains(index) && text.matches("[1-9][0-9]*")
                        && (c == RosterColumn.PHONE && (text.length() == 9 || text.length() == 10)
                        || c == RosterColumn.NATIONAL_ID && text.length() == 11)) {
                    return "0" + text;
                }
                return text;
            });
            return row;
        }
    }
}
