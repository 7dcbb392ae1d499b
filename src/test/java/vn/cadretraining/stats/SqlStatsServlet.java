package vn.cadretraining.stats;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;

/**
 * The statement counts as tab-separated text ({@code ?reset=true} starts again), for the benchmark. Answers
 * 404, as if it did not exist, unless the request comes from the machine itself: it names
 * pages and numbers, nothing about anyone, but it is not for users.
 */
@WebServlet(urlPatterns = "/bench/sql-stats")
public class SqlStatsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!loopback(request.getRemoteAddr())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String report = SqlStats.report();
        if ("true".equals(request.getParameter("reset"))) {
            SqlStats.reset();
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(report);
    }

    static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
