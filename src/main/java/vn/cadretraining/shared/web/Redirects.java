package vn.cadretraining.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Redirects that work for a plain request and for a Faces AJAX request alike. */
public final class Redirects {

    private Redirects() {
    }

    /**
     * A path of this application to send a browser to, from a value a request brought (its own address, a
     * form field): leading slashes and backslashes collapse into one "/" (browsers read "//host" and "/\host"
     * as another site), and anything with a backslash, a control character or a space becomes "/".
     */
    public static String localPath(String raw) {
        if (raw == null) {
            return "/";
        }
        int start = 0;
        while (start < raw.length() && (raw.charAt(start) == '/' || raw.charAt(start) == '\\')) {
            start++;
        }
        String path = "/" + raw.substring(start);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\\' || c > 0x7e) {
                return "/";
            }
        }
        return path;
    }

    /**
     * Answers 303 with a Location relative to this host ("/ctx/page"): the container would otherwise make it
     * absolute with the request's Host header, which the client chose.
     */
    public static void seeOther(HttpServletRequest request, HttpServletResponse response, String appPath) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + localPath(appPath));
    }

    public static boolean isAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    /** Redirects to a path inside the application ("/login.xhtml?expired=true"). */
    public static void send(HttpServletRequest request, HttpServletResponse response, String appPath)
            throws IOException {
        String url = request.getContextPath() + localPath(appPath);
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
