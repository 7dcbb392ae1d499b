package vn.cadretraining.enrollment.view;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.cadretraining.shared.web.Redirects;

/**
 * The enrollment pages moved from /enrol/ to /enrollment/: an old address (a bookmark, a link in a message
 * already read) answers 301 to the same page and query at the new one, which then checks who may see it.
 */
@WebServlet("/enrol/*")
public class MovedEnrollmentPages extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        String rest = request.getRequestURI().substring(request.getContextPath().length() + "/enrol".length());
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath()
                + Redirects.localPath("/enrollment" + rest + (query == null ? "" : "?" + query)));
    }
}
