package vn.cadretraining.people.service.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import vn.cadretraining.shared.service.BusinessException;

/**
 * Decodes an uploaded CSV file without ever guessing. Vietnamese spreadsheets are still saved in the old
 * Windows code page (1258) or in TCVN3/VNI fonts, and decoding those as UTF-8 would store garbled names
 * for good; so only what can be known is accepted: UTF-8 with or without a byte order mark ("CSV UTF-8" in
 * Excel), and UTF-16 with its byte order mark ("Unicode text"). Anything else is refused with a message
 * saying how to save the file.
 */
public final class TextEncoding {

    private TextEncoding() {
    }

    public static String decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return strict(content, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(content, 0xFF, 0xFE, 0x00, 0x00) || startsWith(content, 0x00, 0x00, 0xFE, 0xFF)) {
            // UTF-32: nothing saves rosters so; refused rather than guessed
            throw new BusinessException("import.error.encoding");
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return strict(content, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return strict(content, 2, StandardCharsets.UTF_16BE);
        }
        for (byte b : content) {
            if (b == 0) {
                // valid UTF-8 never has NUL in text: this is UTF-16 without a byte order mark, or not text
                throw new BusinessException("import.error.encoding");
            }
        }
        return strict(content, 0, StandardCharsets.UTF_8);
    }

    private static String strict(byte[] content, int offset, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw new BusinessException("import.error.encoding");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new BusinessException("import.error.encoding");
        }
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
