package vn.cadretraining.testing;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import vn.cadretraining.security.service.LoginThrottle;

/**
 * Moves the sign-in throttle's clock ahead ({@code ?seconds=4}), so that a test waits out its delays without
 * sleeping: the throttle's own clock is swapped, once, for one that runs that far ahead of the real one.
 * Deployed only with the test helpers; the application has no such address.
 */
@WebServlet("/testing/throttle-clock")
public class ThrottleClock extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

    @Inject
    transient LoginThrottle throttle;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Object instance = throttle;
            // the injected object is CDI's client proxy: the clock belongs to the instance behind it
            Class<?> proxy = Class.forName("org.jboss.weld.proxy.WeldClientProxy", false,
                    throttle.getClass().getClassLoader());
            if (proxy.isInstance(instance)) {
                Object metadata = proxy.getMethod("getMetadata").invoke(instance);
                instance = Class.forName("org.jboss.weld.proxy.WeldClientProxy$Metadata", false, proxy.getClassLoader())
                        .getMethod("getContextualInstance").invoke(metadata);
            }
            Field clock = LoginThrottle.class.getDeclaredField("clock");
            clock.setAccessible(true);
            if (!(clock.get(instance) instanceof Ahead)) {
                clock.set(instance, new Ahead());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the sign-in throttle's clock cannot be moved", e);
        }
        Duration total = AHEAD.updateAndGet(d -> d.plusSeconds(Long.parseLong(request.getParameter("seconds"))));
        response.setContentType("text/plain");
        response.getWriter().write("ahead " + total.toSeconds() + " s");
    }

    /** The real time, plus how far the tests have moved it. */
    private static final class Ahead extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(AHEAD.get());
        }
    }
}
