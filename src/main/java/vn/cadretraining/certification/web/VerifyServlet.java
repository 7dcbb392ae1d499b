package vn.cadretraining.certification.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.cadretraining.shared.web.Language;

/**
 * The public address printed (as a QR code) on every certificate, /verify/{code}: it shows the page that
 * reads the authoritative record. No sign-in; nothing about the holder beyond what the certificate says.
 */
@WebServlet("/verify/*")
public class VerifyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String CODE = "cadre.verifyCode";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        request.setAttribute(CODE, path.startsWith("/") ? path.substring(1) : path);
        // "?lang=en" on the printed address (a reader abroad): this page and the next are in English
        Language.remember(request, response, request.getParameter("lang"));
        request.getRequestDispatcher("/certificate-check.xhtml").forward(request, response);
    }
}
