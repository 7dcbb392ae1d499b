package vn.cadretraining.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.cadretraining.shared.web.Language;
import vn.cadretraining.shared.web.Redirects;

/**
 * A page address with {@code ?lang=en} (or {@code vi}), as in a link sent by e-mail, sets this browser's
 * language cookie and comes back to the same page without the parameter. It never writes the account: any
 * site can make a browser follow a link, so a GET changes nothing stored (the switch in the page shell posts
 * to {@link LanguageSwitchServlet}, which does). The way back is a path of this application only.
 */
@WebFilter(filterName = "language", urlPatterns = "*.xhtml")
public class LanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // only a GET's query is read here: reading a POST's body before Faces sets UTF-8 would garble it
        String tag = "GET".equals(request.getMethod()) && request.getQueryString() != null
                && request.getQueryString().contains("lang=") ? request.getParameter("lang") : null;
        if (tag == null) {
            chain.doFilter(request, response);
            return;
        }
        Language.remember(request, response, tag);
        String uri = request.getRequestURI();
        String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath()
                + Redirects.localPath(path + Language.withoutLang(request.getQueryString())));
    }
}
