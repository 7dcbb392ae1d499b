package vn.cadretraining.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;

/**
 * What every workbook the application writes must hold, read back with POI as a spreadsheet program reads it:
 * frozen header rows, an A4 landscape print setup fitted to one page wide with the header rows repeated, typed
 * cells, empty cells left empty, sheet names not cut inside a word.
 */
public final class Workbooks {

    private Workbooks() {
    }

    /** The rows up to {@code headerRow} (0-based) frozen and printed on every page; A4 landscape, one page wide. */
    public static void assertFramedAndPrinted(Sheet sheet, int firstHeaderRow, int headerRow) {
        String name = sheet.getSheetName();
        PaneInformation pane = sheet.getPaneInformation();
        assertNotNull(pane, name + ": the header is frozen");
        assertTrue(pane.isFreezePane(), name + ": a frozen pane, not a split");
        assertEquals(headerRow + 1, pane.getHorizontalSplitPosition(), name + ": frozen below the header row");
        assertEquals(0, pane.getVerticalSplitPosition(), name + ": no column frozen");
        PrintSetup print = sheet.getPrintSetup();
        assertEquals(PrintSetup.A4_PAPERSIZE, print.getPaperSize(), name + ": A4");
        assertTrue(print.getLandscape(), name + ": landscape");
        assertTrue(sheet.getFitToPage(), name + ": fitted to the page");
        assertEquals(1, print.getFitWidth(), name + ": one page wide");
        assertEquals(0, print.getFitHeight(), name + ": as many pages long as it takes");
        CellRangeAddress repeated = sheet.getRepeatingRows();
        assertNotNull(repeated, name + ": header rows repeated on each printed page");
        assertEquals(firstHeaderRow, repeated.getFirstRow(), name);
        assertEquals(headerRow, repeated.getLastRow(), name);
    }

    /** A sheet name within Excel's 31 characters that is not a longer text cut inside a word. */
    public static void assertWholeWords(String sheetName, String fullText) {
        assertTrue(sheetName.length() <= 31, sheetName);
        assertTrue(fullText.startsWith(sheetName), sheetName + " is the start of " + fullText);
        assertTrue(fullText.length() == sheetName.length() || !Character.isLetterOrDigit(fullText.charAt(sheetName.length())),
                "'" + sheetName + "' cuts a word of '" + fullText + "'");
    }

    public static void assertNumber(Cell cell, double expected, String what) {
        assertNotNull(cell, what + ": a cell");
        assertEquals(CellType.NUMERIC, cell.getCellType(), what + ": a number, not text");
        assertEquals(expected, cell.getNumericCellValue(), 1e-9, what);
    }

    /** A date cell shown dd/mm/yyyy. */
    public static void assertDate(Cell cell, String what) {
        assertNotNull(cell, what + ": a cell");
        assertEquals(CellType.NUMERIC, cell.getCellType(), what + ": a date, not text");
        assertTrue(DateUtil.isCellDateFormatted(cell), what + ": with a date format");
        assertTrue(cell.getCellStyle().getDataFormatString().startsWith("dd/mm/yyyy"),
                what + ": " + cell.getCellStyle().getDataFormatString());
    }

    /** The cell is absent or blank: not "" nor a dash. */
    public static void assertEmpty(Row row, int column, String what) {
        Cell cell = row.getCell(column);
        assertTrue(cell == null || cell.getCellType() == CellType.BLANK,
                what + ": an empty cell, found " + (cell == null ? "" : cell.getCellType() + " '" + cell + "'"));
    }
}
