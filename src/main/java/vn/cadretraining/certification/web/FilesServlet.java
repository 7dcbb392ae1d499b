package vn.cadretraining.certification.web;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cadretraining.attendance.service.SignInSheet;
import vn.cadretraining.certification.service.CertificateService;
import vn.cadretraining.certification.service.RecordService;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.web.Language;
import vn.cadretraining.shared.web.PublicAddress;
import vn.cadretraining.shared.web.SecurityHeaders;

/**
 * Files fetched by a plain link (a phone opens or saves them; a trainer prints them): each is made by a
 * service that checks the caller's role and scope, so a changed id gets 404 like an unknown one. web.xml
 * requires a signed-in caller for all of /files/*.
 * <ul>
 * <li>/files/certificate/{id}.pdf</li>
 * <li>/files/class/{id}/certificates.zip</li>
 * <li>/files/session/{id}/sign-in-sheet.pdf</li>
 * <li>/files/me/calendar.ics and /files/me/transcript.pdf</li>
 * </ul>
 */
@WebServlet("/files/*")
public class FilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern CERTIFICATE = Pattern.compile("/certificate/(\\d{1,18})\\.pdf");
    private static final Pattern CLASS_ZIP = Pattern.compile("/class/(\\d{1,18})/certificates\\.zip");
    private static final Pattern TRANSCRIPT = Pattern.compile("/cadre/(\\d{1,18})/transcript\\.pdf");
    private static final Pattern SHEET = Pattern.compile("/session/(\\d{1,18})/sign-in-sheet\\.pdf");

    @Inject
    CertificateService certificates;

    @Inject
    RecordService record;

    @Inject
    SignInSheet sheets;

    @Inject
    PublicAddress address;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            Matcher m;
            if ((m = CERTIFICATE.matcher(path)).matches()) {
                long id = Long.parseLong(m.group(1));
                String base = address.getBase();
                String number = certificates.get(id).getNumber();
                start(response, "application/pdf", "giay-chung-nhan-" + number + ".pdf");
                certificates.pdf(id, base, Language.resolve(request), response.getOutputStream());
            } else if ((m = CLASS_ZIP.matcher(path)).matches()) {
                long id = Long.parseLong(m.group(1));
                String base = address.getBase();
                start(response, "application/zip", "giay-chung-nhan-lop-" + id + ".zip");
                certificates.zip(id, base, response.getOutputStream());
            } else if ((m = SHEET.matcher(path)).matches()) {
                long id = Long.parseLong(m.group(1));
                start(response, "application/pdf", "danh-sach-ky-ten-buoi-" + id + ".pdf");
                sheets.pdf(id, Language.resolve(request), response.getOutputStream());
            } else if ("/me/calendar.ics".equals(path)) {
                start(response, "text/calendar;charset=UTF-8", "lich-hoc.ics");
                record.calendar(response.getOutputStream());
            } else if ("/me/transcript.pdf".equals(path)) {
                start(response, "application/pdf", "qua-trinh-boi-duong.pdf");
                record.transcript(record.me(), Language.resolve(request), response.getOutputStream());
            } else if ((m = TRANSCRIPT.matcher(path)).matches()) {
                var cadre = record.of(Long.parseLong(m.group(1)));
                start(response, "application/pdf", "qua-trinh-boi-duong-" + cadre.getCode() + ".pdf");
                record.transcript(cadre, Language.resolve(request), response.getOutputStream());
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (BusinessException e) {
            // a refusal (no public address may be printed: APP_BASE_URL unset, a foreign Host): say so, print nothing
            if (!response.isCommitted()) {
                response.reset();
                SecurityHeaders.apply(request, response);
                response.setHeader("Cache-Control", "no-store");
                response.setStatus(PublicAddress.UNCONFIGURED.equals(e.getMessageKey())
                        ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_CONFLICT);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write(Bundle.text(Language.resolve(request), e.getMessageKey(), e.getArguments()));
            }
        } catch (NotFoundException | EJBAccessException e) {
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(e instanceof NotFoundException ? HttpServletResponse.SC_NOT_FOUND
                        : HttpServletResponse.SC_FORBIDDEN);
            }
        }
    }

    private static void start(HttpServletResponse response, String type, String filename) {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.setHeader("Cache-Control", "private, no-store");
    }
}
