package vn.cadretraining.people.service.transfer;

import java.util.List;
import java.util.function.IntConsumer;
import vn.cadretraining.shared.service.BusinessException;

/**
 * Reads an uploaded roster into rows of text, refusing the whole file (with a {@code BusinessException}
 * naming what is wrong) when it cannot be read safely: wrong encoding, zip bomb, formulas, too many rows,
 * missing columns. Rows are only read here; what they say is checked by {@link RosterRowValidator}.
 */
public final class RosterFileReader {

    /** The most data rows one file may hold. */
    public static final int MAX_ROWS = 20_000;

    private RosterFileReader() {
    }

    /**
     * @param progress told the number of rows read so far, now and then
     */
    public static List<RawRow> read(FileFormat format, byte[] content, IntConsumer progress) {
        List<RawRow> rows = format == FileFormat.XLSX ? XlsxRosterReader.read(content, progress)
                : CsvRosterReader.read(content, progress);
        if (rows.isEmpty()) {
            throw new BusinessException("import.error.noRows");
        }
        return rows;
    }
}
