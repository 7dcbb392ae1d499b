package vn.cadretraining.people.service.transfer;

import java.util.Locale;
import vn.cadretraining.shared.service.BusinessException;

/**
 * The two kinds of roster file, told apart by their name and checked against their first bytes: a file
 * whose content is not what its name claims is refused before any parser sees it (a renamed .xls, an
 * encrypted workbook, a PDF, a program).
 */
public enum FileFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=UTF-8");

    /** The largest upload: the page says so and the server checks it again. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] PDF = {0x25, 0x50, 0x44, 0x46};
    private static final byte[] EXE = {0x4D, 0x5A};
    private static final byte[] GZIP = {0x1F, (byte) 0x8B};

    private final String extension;
    private final String contentType;

    FileFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The format of an upload, from its name, once its size and first bytes agree with it; refused with a
     * message saying what is wrong otherwise.
     */
    public static FileFormat of(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new BusinessException("import.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new BusinessException("import.error.tooLarge", megabytes(content.length), MAX_BYTES / (1024 * 1024));
        }
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        FileFormat claimed = name.endsWith(".xlsx") ? XLSX : name.endsWith(".csv") ? CSV : null;
        if (claimed == null) {
            if (name.endsWith(".xls") || name.endsWith(".xlsm") || name.endsWith(".ods")) {
                throw new BusinessException("import.error.saveAsXlsx");
            }
            throw new BusinessException("import.error.extension");
        }
        if (startsWith(content, OLE2)) {
            // Excel 97-2003 files and password-protected workbooks are both OLE2 containers
            throw new BusinessException("import.error.oldOrEncrypted");
        }
        if (claimed == XLSX && !startsWith(content, ZIP)) {
            throw new BusinessException("import.error.notXlsx");
        }
        if (claimed == CSV) {
            if (startsWith(content, ZIP)) {
                throw new BusinessException("import.error.xlsxNamedCsv");
            }
            if (startsWith(content, PDF) || startsWith(content, EXE) || startsWith(content, GZIP)) {
                throw new BusinessException("import.error.notCsv");
            }
        }
        return claimed;
    }

    static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Megabytes with one decimal, for the message (rounded up, so that 10.01 MB never reads "10.0"). */
    static double megabytes(long bytes) {
        return Math.ceil(bytes * 10.0 / (1024 * 1024)) / 10.0;
    }
}
