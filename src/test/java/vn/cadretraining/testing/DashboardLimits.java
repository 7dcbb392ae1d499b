package vn.cadretraining.testing;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.cadretraining.reporting.view.DashboardLayout;

/**
 * Lets a browser test walk the small test province through the dashboard's limits: {@code ?ends=1&rows=2}
 * shortens the units chart and pages the units table; no parameter puts them back. Deployed only with the test
 * helpers; the application has no such address.
 */
@WebServlet("/testing/dashboard-limits")
public class DashboardLimits extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DashboardLayout layout;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        layout.reset(number(request, "ends"), number(request, "rows"));
        response.setContentType("text/plain");
        response.getWriter().write("ok");
    }

    private static Integer number(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? null : Integer.valueOf(value);
    }
}
