package vn.cadretraining.people.service.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.cadretraining.shared.service.BusinessException;

/**
 * A CSV roster. Excel writes the list separator of the computer's regional settings: a comma in English,
 * a semicolon where the decimal separator is a comma, as in Vietnamese; so the separator is taken from
 * the header line, which always has several.
 */
final class CsvRosterReader {

    private CsvRosterReader() {
    }

    static List<RawRow> read(byte[] content, IntConsumer progress) {
        String text = TextEncoding.decode(content);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(true)
                .get();
        List<RawRow> rows = new ArrayList<>();
        HeaderRow header = null;
        int dataRows = 0;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                if (header == null) {
                    header = HeaderRow.of(cells);
                    continue;
                }
                dataRows++;
                if (dataRows > RosterFileReader.MAX_ROWS) {
                    continue; // counted for the message, not kept
                }
                Map<Integer, String> byIndex = new HashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    byIndex.put(i, cells.get(i));
                }
                // the spreadsheet's row number: records, not lines (a quoted cell may span lines)
                rows.add(header.row((int) record.getRecordNumber(), byIndex));
                if (dataRows % 1000 == 0) {
                    progress.accept(dataRows);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new BusinessException("import.error.csvMalformed");
        }
        if (dataRows > RosterFileReader.MAX_ROWS) {
            throw new BusinessException("import.error.tooManyRows", dataRows, RosterFileReader.MAX_ROWS);
        }
        progress.accept(dataRows);
        return rows;
    }

    /** The separator used most on the first line, outside quotes: comma, semicolon or tab. */
    static char delimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semicolon++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }
}
