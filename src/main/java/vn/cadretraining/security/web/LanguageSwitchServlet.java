package vn.cadretraining.security.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.cadretraining.security.service.AccountService;
import vn.cadretraining.shared.web.Language;
import vn.cadretraining.shared.web.Redirects;
import vn.cadretraining.shared.web.SameOrigin;

/**
 * The language switch of the page shell: a small form posted from a page of this site (a plain form, so it
 * works on the sign-in and error pages without a session or a view state). It sets the cookie, saves the
 * choice in the account of a signed-in person, and sends the browser back (303) to the page it came from,
 * a path of this application only. A post from another site is refused with 403 and changes nothing.
 */
@WebServlet("/language")
public class LanguageSwitchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!SameOrigin.check(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        request.setCharacterEncoding("UTF-8");
        String tag = request.getParameter("lang");
        if (Language.isSupported(tag)) {
            Language.remember(request, response, tag);
            if (request.getUserPrincipal() != null) {
                accounts.chooseLocale(tag);
            }
        }
        Redirects.seeOther(request, response, request.getParameter("to"));
    }
}
