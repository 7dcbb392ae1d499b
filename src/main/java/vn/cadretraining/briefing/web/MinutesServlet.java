package vn.cadretraining.briefing.web;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cadretraining.briefing.service.BriefingMinutes;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.web.Language;
import vn.cadretraining.shared.web.SecurityHeaders;

/**
 * /files/briefing/{id}/minutes.pdf: a briefing's minutes, by a plain link a phone opens or saves. The service checks
 * the caller's role and scope (a changed id gets 404 like an unknown one); web.xml requires a signed-in caller for
 * all of /files/*. The PDF is made in memory first, so a refusal never leaves half a file.
 */
@WebServlet("/files/briefing/*")
public class MinutesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern MINUTES = Pattern.compile("/(\\d{1,18})/minutes\\.pdf");

    @Inject
    BriefingMinutes minutes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = MINUTES.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = Long.parseLong(m.group(1));
        try {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            minutes.pdf(id, Language.resolve(request), pdf);
            response.setContentType("application/pdf");
            response.setHeader("Content-Disposition", "attachment; filename=\"bien-ban-giao-ban-" + id + ".pdf\"");
            response.setHeader("Cache-Control", "private, no-store");
            response.setContentLength(pdf.size());
            pdf.writeTo(response.getOutputStream());
        } catch (BusinessException e) {
            SecurityHeaders.apply(request, response);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(Bundle.text(Language.resolve(request), e.getMessageKey(), e.getArguments()));
        } catch (NotFoundException | EJBAccessException e) {
            response.sendError(e instanceof NotFoundException ? HttpServletResponse.SC_NOT_FOUND
                    : HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
