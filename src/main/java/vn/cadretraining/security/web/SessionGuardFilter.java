package vn.cadretraining.security.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import vn.cadretraining.security.service.CallerCache;
import vn.cadretraining.shared.web.Redirects;

/**
 * While a person still signs in with a one-time password (set by an administrator or a coordinator), every
 * page but the password page sends them there: nobody works under a password someone else knows.
 */
@WebFilter(filterName = "sessionGuard", urlPatterns = {"*.xhtml", "/files/*"})
public class SessionGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String PASSWORD_PAGE = "/account/password.xhtml";

    @Inject
    CallerCache callers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        String path = request.getServletPath();
        if (principal != null && !PASSWORD_PAGE.equals(path) && !path.startsWith("/error/")
                && !path.startsWith("/jakarta.faces.resource/")
                && callers.get(principal.getName()).map(c -> c.mustChangePassword()).orElse(false)) {
            Redirects.send(request, response, PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
