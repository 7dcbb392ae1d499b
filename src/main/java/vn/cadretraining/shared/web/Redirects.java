package vn.cadretraining.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Redirects that work for a plain request and for a Faces AJAX request alike. */
public final class Redirects {

    private Redirects() {
    }

    public static boolean isAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    /** Redirects to a path inside the application ("/login.xhtml?expired=true"). */
    public static void send(HttpServletRequest request, HttpServletResponse response, String appPath)
            throws IOException {
        String url = request.getContextPath() + appPath;
        if (isAjax(request)) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                    + "<redirect url=\"" + url.replace("&", "&amp;").replace("\"", "&quot;") + "\"></redirect>"
                    + "</partial-response>");
        } else {
            response.sendRedirect(url);
        }
    }
}
