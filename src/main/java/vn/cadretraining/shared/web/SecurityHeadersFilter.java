package vn.cadretraining.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.cadretraining.shared.faces.FriendlyExceptionHandler;

/**
 * Puts {@link SecurityHeaders} on every response, keeps pages out of caches and versioned resources in them
 * for a year, and turns anything that escapes into the friendly 500 page.
 *
 * <p>PrimeFaces adds its nonce policy with {@code addHeader}; two CSP headers would both be enforced and the
 * default one (without the nonce) would block the page's scripts, so the wrapper turns that add into a set.
 *
 * <p>web.xml gives every response UTF-8, which the server writes into the Content-Type of PDFs, ZIPs and
 * spreadsheets too ("application/pdf;charset=UTF-8"); a charset means nothing on bytes and some clients refuse
 * it, so the wrapper drops it for binary types, whoever sets them (servlets, PrimeFaces downloads, resources).
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SecurityHeadersFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(request, response);
        if ("TRACE".equals(request.getMethod())) {
            // the server lets TRACE through (payara-preboot.asadmin) so that it is refused here, with these headers
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "GET, HEAD, POST");
            response.setHeader("Cache-Control", "no-store");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean resource = path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
        if (!resource) {
            response.setHeader("Cache-Control", "no-store");
        } else if (path.startsWith("/jakarta.faces.resource/") && request.getParameter("v") != null) {
            // a versioned address (PrimeFaces' version, or VersionedResourceHandler's checksum) never changes meaning
            response.setHeader("Cache-Control", SecurityHeaders.IMMUTABLE);
        } else {
            // anything else is checked again each time (a 304 when unchanged), never kept stale after a deployment
            response.setHeader("Cache-Control", "no-cache");
        }
        try {
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setContentType(String type) {
                    super.setContentType(type);
                    if (isBinary(type)) {
                        super.setCharacterEncoding(null);
                    }
                }

                @Override
                public void setCharacterEncoding(String charset) {
                    if (!isBinary(getContentType())) {
                        super.setCharacterEncoding(charset);
                    }
                }

                @Override
                public void addHeader(String name, String value) {
                    if (SecurityHeaders.CSP.equalsIgnoreCase(name)) {
                        super.setHeader(name, value);
                    } else if (!(resource && caching(name))) {
                        super.addHeader(name, value);
                    }
                }

                // the Faces resource handler would put its own week-long max-age over the caching chosen above
                @Override
                public void setHeader(String name, String value) {
                    if (!(resource && caching(name))) {
                        super.setHeader(name, value);
                    }
                }

                @Override
                public void setDateHeader(String name, long date) {
                    if (!(resource && caching(name))) {
                        super.setDateHeader(name, date);
                    }
                }
            });
        } catch (ServletException | RuntimeException | Error e) {
            if (request.getDispatcherType() != DispatcherType.REQUEST) {
                throw e;
            }
            failSafely(request, response, e);
        }
    }

    /** True for a media type whose body is bytes, not text: it takes no charset parameter. */
    static boolean isBinary(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("+json")) {
            return false;
        }
        return switch (type) {
            case "application/json", "application/javascript", "application/ecmascript", "application/xml",
                    "application/x-www-form-urlencoded" -> false;
            default -> true;
        };
    }

    private static boolean caching(String header) {
        return "Cache-Control".equalsIgnoreCase(header) || "Expires".equalsIgnoreCase(header);
    }

    /**
     * The last line of defence: whatever escaped the pages is logged with an incident number and answered
     * with the 500 page, or, if even that cannot render, with a plain page in both languages. The server's
     * own error report, which names exception classes, never reaches the browser.
     */
    private static void failSafely(HttpServletRequest request, HttpServletResponse response, Throwable e)
            throws IOException {
        String incident = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LOG.log(Level.SEVERE, "Incident " + incident + " on " + request.getRequestURI(), e);
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        SecurityHeaders.apply(request, response);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        try {
            request.setAttribute(FriendlyExceptionHandler.INCIDENT, incident);
            request.getRequestDispatcher("/error/500.xhtml").forward(request, response);
        } catch (ServletException | IOException | RuntimeException | Error again) {
            LOG.log(Level.SEVERE, "Incident " + incident + ": the error page failed too", again);
            if (!response.isCommitted()) {
                response.reset();
                SecurityHeaders.apply(request, response);
                response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
                        + "<title>Lỗi / Error</title></head><body><h1>Đã có lỗi xảy ra</h1>"
                        + "<p>Hệ thống gặp sự cố. Dữ liệu đã lưu không bị ảnh hưởng. Mã sự cố: " + incident + "</p>"
                        + "<h2>Something went wrong</h2><p>Saved data is not affected. Incident number: "
                        + incident + "</p></body></html>");
            }
        }
    }
}
