package vn.cadretraining.attendance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.cadretraining.shared.service.AppSettings;

/**
 * The codes a trainer's screen shows for QR check-in: one per session and 45-second slot, an HMAC of both
 * under the application's secret, so that nobody can make tomorrow's code or another session's. A code is
 * accepted during its slot and the next one (a phone that scans at the last second still gets through);
 * after that it is expired.
 */
@ApplicationScoped
public class CheckInCodes {

    public static final int SLOT_SECONDS = 45;

    @Inject
    AppSettings settings;

    private final Clock clock = Clock.systemUTC();
    private volatile byte[] key;

    /** A code: what goes into the QR ("slot.mac") and how long it is still shown. */
    public record Code(long slot, String token, int secondsLeft) {
        public String getToken() {
            return token;
        }

        public int getSecondsLeft() {
            return secondsLeft;
        }
    }

    public Code current(long sessionId) {
        long now = clock.millis() / 1000;
        long slot = now / SLOT_SECONDS;
        return new Code(slot, slot + "." + mac(sessionId, slot), (int) (SLOT_SECONDS - now % SLOT_SECONDS));
    }

    /** The slot of a scanned code when it is genuine and not expired. */
    public Optional<Long> validSlot(long sessionId, String scanned) {
        if (scanned == null) {
            return Optional.empty();
        }
        int dot = scanned.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        long slot;
        try {
            slot = Long.parseLong(scanned.substring(0, dot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long current = clock.millis() / 1000 / SLOT_SECONDS;
        if (slot != current && slot != current - 1) {
            return Optional.empty();
        }
        byte[] expected = mac(sessionId, slot).getBytes(StandardCharsets.US_ASCII);
        byte[] given = scanned.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(slot) : Optional.empty();
    }

    private String mac(long sessionId, long slot) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] out = hmac.doFinal((sessionId + ":" + slot).getBytes(StandardCharsets.US_ASCII));
            // 16 bytes are plenty for a code that lives 90 seconds
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(out, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (key == null) {
            key = Base64.getDecoder().decode(settings.secret("checkin.secret"));
        }
        return key;
    }
}
