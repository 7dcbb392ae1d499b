package vn.cadretraining.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a request that changes something was sent by a page of this site, not by another site's form:
 * the browser's own {@code Sec-Fetch-Site} when it sends one, else the host of {@code Origin} (or, failing
 * that, {@code Referer}) compared with the host the request was sent to or the configured public address.
 * A request that says neither is refused: every browser sends Origin with a form post.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    public static boolean check(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equals(site);
        }
        String origin = request.getHeader("Origin");
        if (origin == null || "null".equals(origin)) {
            origin = request.getHeader("Referer");
        }
        if (origin == null) {
            return false;
        }
        String from = authority(origin);
        if (from == null) {
            return false;
        }
        String host = request.getHeader("Host");
        if (host != null && from.equals(withPort(host.toLowerCase(Locale.ROOT), request.getScheme()))) {
            return true;
        }
        return PublicAddress.configured().map(SameOrigin::authority).filter(from::equals).isPresent();
    }

    /** "host:port" of an absolute http(s) address, with the scheme's default port made explicit; null if none. */
    static String authority(String address) {
        try {
            URI uri = URI.create(address.strip());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String withPort(String hostHeader, String scheme) {
        boolean hasPort = hostHeader.lastIndexOf(':') > hostHeader.lastIndexOf(']');
        return hasPort ? hostHeader : hostHeader + ":" + ("https".equals(scheme) ? 443 : 80);
    }
}
