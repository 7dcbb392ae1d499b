package vn.cadretraining.stats;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Books the statements of each request under "METHOD /path" ("+ajax" for a Faces partial request).
 */
@WebFilter(filterName = "sqlStats", urlPatterns = "/*")
public class SqlStatsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SqlStats.begin();
        try {
            chain.doFilter(request, response);
        } finally {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")) {
                path = "(resources)";
            } else if (path.startsWith("/files/")) {
                // /files/session/123/sign-in-sheet.pdf → /files/session/{id}/sign-in-sheet.pdf
                path = path.replaceAll("/\\d+", "/{id}");
            }
            boolean ajax = "partial/ajax".equals(request.getHeader("Faces-Request"));
            SqlStats.end(request.getMethod() + " " + path + (ajax ? " +ajax" : ""));
        }
    }
}
