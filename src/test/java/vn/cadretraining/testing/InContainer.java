package vn.cadretraining.testing;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Signing in inside the container, for Arquillian tests that call services as a given person: the test
 * runs inside the request of Arquillian's servlet, which this filter (deployed only with the test helpers)
 * keeps at hand, so that the application's own sign-in mechanism can authenticate that request with a real
 * username and password. Everything the test then calls sees that caller, roles and scope included.
 */
@WebFilter(urlPatterns = "/ArquillianServletRunnerEE9")
public class InContainer extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<HttpServletRequest> REQUEST = new ThreadLocal<>();
    private static final ThreadLocal<HttpServletResponse> RESPONSE = new ThreadLocal<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        REQUEST.set(request);
        RESPONSE.set(response);
        try {
            chain.doFilter(request, response);
        } finally {
            REQUEST.remove();
            RESPONSE.remove();
        }
    }

    /** The application's address on this machine, for a test that sends requests to its own server. */
    public static java.net.URL base() {
        HttpServletRequest request = REQUEST.get();
        try {
            return new java.net.URL("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Authenticates the current test's request as this account; fails the test if the password is wrong. */
    public static void signIn(String username, String password) {
        SecurityContext security = CDI.current().select(SecurityContext.class).get();
        AuthenticationStatus status = security.authenticate(REQUEST.get(), RESPONSE.get(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            throw new AssertionError("could not sign in as " + username + ": " + status);
        }
    }
}
