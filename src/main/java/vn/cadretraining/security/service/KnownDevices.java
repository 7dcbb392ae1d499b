package vn.cadretraining.security.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OWASP's device cookie: a browser in which a person has signed in before carries a cookie signed by the
 * server for that username, and its attempts at that username are not spaced out by failures made elsewhere
 * (the username-wide delay of {@link LoginThrottle}), so that strangers guessing from many addresses cannot keep
 * the owner waiting. The cookie proves nothing else and is no credential.
 *
 * <p>The signing key is made at each start: after a restart browsers are unknown again until their next
 * sign-in, which costs their owners only the delays while someone is guessing at that very moment.
 */
@ApplicationScoped
public class KnownDevices {

    static final String COOKIE = "device";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private final byte[] key = new byte[32];

    public KnownDevices() {
        new SecureRandom().nextBytes(key);
    }

    /** Whether this browser has signed in as this username before (since the server started). */
    public boolean knows(HttpServletRequest request, String username) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || username == null) {
            return false;
        }
        byte[] expected = sign(username).getBytes(StandardCharsets.US_ASCII);
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null
                    && MessageDigest.isEqual(expected, c.getValue().getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** After a right password: this browser is known for this username. */
    public void remember(HttpServletRequest request, HttpServletResponse response, String username) {
        Cookie cookie = new Cookie(COOKIE, sign(username));
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }

    String sign(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal(username.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
