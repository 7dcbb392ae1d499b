package vn.cadretraining.shared.web;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Settings that web.xml cannot take from code or from the environment: the CSP policy PrimeFaces
 * completes with its nonce (one definition, in {@link SecurityHeaders}), and the Secure flag on the session
 * cookie when the application is served over HTTPS ({@code COOKIE_SECURE=true}, typically behind a
 * TLS-terminating proxy).
 */
public class WebSetup implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.setInitParameter("primefaces.CSP_POLICY", SecurityHeaders.FACES_POLICY);
        if (Boolean.parseBoolean(System.getenv().getOrDefault("COOKIE_SECURE", "false"))) {
            context.getSessionCookieConfig().setSecure(true);
        }
    }
}
