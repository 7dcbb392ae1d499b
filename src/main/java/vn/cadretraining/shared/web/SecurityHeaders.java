package vn.cadretraining.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every response carries.
 *
 * <p>The Content-Security-Policy allows scripts only from this server and, on Faces pages, from inline
 * blocks that carry the page's nonce: PrimeFaces in CSP mode ({@code primefaces.CSP}) moves its inline event
 * handlers into nonce-bearing scripts and adds the nonce to the policy, which it takes from
 * {@link #FACES_POLICY}. Styles may be inline because PrimeFaces widgets position themselves with style
 * attributes; that cannot run code.
 */
public final class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";

    private static final String BASE_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The policy for responses that are not Faces pages. */
    public static final String DEFAULT_POLICY = BASE_POLICY + "; script-src 'self'";

    /** What PrimeFaces completes with " 'nonce-…';" on every Faces page: so it must end with script-src. */
    public static final String FACES_POLICY = BASE_POLICY + "; script-src 'self'";

    /** For resources whose address carries their version: a phone keeps them and never asks again. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private SecurityHeaders() {
    }

    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(CSP)) {
            response.setHeader(CSP, DEFAULT_POLICY);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        // the camera is for QR check-in on this site only
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
