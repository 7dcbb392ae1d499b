package vn.cadretraining.testing;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.cadretraining.reporting.view.DashboardLayout;

/**
 * Lets a browser test shorten the dashboard's units chart and page its units table on the small test province
 * ({@code ?ends=1&rows=2}) and put the limits back (no parameters). Deployed only with the test helpers.
 */
@WebServlet("/testing/dashboard-layout")
public class DashboardLayoutLimits extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DashboardLayout layout;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ends = request.getParameter("ends");
        String rows = request.getParameter("rows");
        layout.reset(ends == null ? null : Integer.valueOf(ends), rows == null ? null : Integer.valueOf(rows));
        response.setContentType("text/plain");
        response.getWriter().write("ok");
    }
}
