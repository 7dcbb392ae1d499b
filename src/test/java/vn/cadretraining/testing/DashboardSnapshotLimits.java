package vn.cadretraining.testing;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.cadretraining.reporting.service.DashboardSnapshots;

/**
 * Lets a browser test make every dashboard "too big to count while the reader waits" ({@code ?live=0}) and put
 * the settings back ({@code ?reset}), to walk the page through its snapshot states on the small test province.
 * Deployed only with the test helpers; the application has no such address.
 */
@WebServlet("/testing/dashboard-snapshots")
public class DashboardSnapshotLimits extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DashboardSnapshots snapshots;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String live = request.getParameter("live");
        snapshots.reset(live == null ? null : Long.valueOf(live), null);
        response.setContentType("text/plain");
        response.getWriter().write("ok");
    }
}
