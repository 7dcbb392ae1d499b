package vn.cadretraining.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.cadretraining.shared.service.BusinessException;

/**
 * The address the application is reached at, for links that leave it (QR codes on screens and certificates,
 * account slips): {@code APP_BASE_URL}. Without it, only a request to a loopback host (the demo on one
 * machine) or to the very IP address its connection arrived on (the demo opened from another machine of the
 * room by the server's IP) lends its own address: a request's Host header is whatever the client wrote, and
 * printing a name from it on a certificate would let anyone send its verification QR code to their own site.
 */
@Named
@RequestScoped
public class PublicAddress {

    /** The message when no address may be printed: the administrator must set APP_BASE_URL. */
    public static final String UNCONFIGURED = "address.unconfigured";

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    @Inject
    HttpServletRequest request;

    /** The address to print; refused (with {@link #UNCONFIGURED}) when neither configured nor loopback. */
    public String getBase() {
        return find().orElseThrow(() -> new BusinessException(UNCONFIGURED));
    }

    /** Whether an address can be printed for this request (the slip shows the message instead). */
    public boolean isKnown() {
        return find().isPresent();
    }

    public Optional<String> find() {
        Optional<String> configured = configured();
        if (configured.isPresent()) {
            return configured;
        }
        if (viaProxy(request) || !isLoopback(request.getServerName())
                && !isAddressOfThisConnection(request.getServerName(), request.getLocalAddr())) {
            return Optional.empty();
        }
        int port = request.getServerPort();
        boolean standard = "http".equals(request.getScheme()) && port == 80 || "https".equals(request.getScheme()) && port == 443;
        return Optional.of(request.getScheme() + "://" + request.getServerName() + (standard ? "" : ":" + port)
                + request.getContextPath());
    }

    /**
     * A request relayed by a proxy: the host it was sent to is the proxy's upstream ("127.0.0.1:8080" by nginx's
     * default), not the address people use, so only APP_BASE_URL can say that.
     */
    static boolean viaProxy(HttpServletRequest request) {
        return request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null
                || request.getHeader("X-Forwarded-Host") != null || request.getHeader("X-Real-IP") != null;
    }

    /** APP_BASE_URL without its trailing slash, if set. */
    public static Optional<String> configured() {
        return ConfigProvider.getConfig().getOptionalValue("APP_BASE_URL", String.class)
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /** A Host that is the IP literal the connection was made to: true by construction, not a name anyone chose. */
    static boolean isAddressOfThisConnection(String host, String localAddress) {
        if (host == null || localAddress == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean literal = h.contains(":") || h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        return literal && h.equalsIgnoreCase(localAddress);
    }

    /** localhost, 127.x.x.x or [::1], as written: never resolved, so a name cannot be made to point here. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return "localhost".equals(h) || LOOPBACK_V4.matcher(h).matches() || "[::1]".equals(h) || "::1".equals(h);
    }
}
