package vn.cadretraining.security.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.cadretraining.security.service.AccountService;
import vn.cadretraining.shared.web.Language;

/**
 * The language switch: any page address with {@code ?lang=en} (or {@code vi}) sets the language, saves it in
 * the account of a signed-in person, and comes back to the same address without the parameter. A plain
 * link rather than a form post, so that it also works on the sign-in and error pages.
 */
@WebFilter(filterName = "language", urlPatterns = "*.xhtml")
public class LanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;

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
        if (Language.isSupported(tag)) {
            Language.remember(request, response, tag);
            if (request.getUserPrincipal() != null) {
                accounts.chooseLocale(tag);
            }
        }
        response.sendRedirect(request.getRequestURI() + withoutLang(request.getQueryString()));
    }

    static String withoutLang(String query) {
        if (query == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String part : query.split("&")) {
            if (!part.startsWith("lang=") && !part.isEmpty()) {
                kept.append(kept.length() == 0 ? "?" : "&").append(part);
            }
        }
        return kept.toString();
    }
}
