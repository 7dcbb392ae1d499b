package vn.cadretraining.shared.faces;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.web.Redirects;
import vn.cadretraining.shared.web.SecurityHeaders;

/**
 * Turns every exception that escapes a page into one of the friendly error pages, for full-page and AJAX
 * requests alike (the standard handler leaves an AJAX failure silent in the browser):
 * <ul>
 * <li>an expired or tampered view (ViewExpiredException) → "the page has expired";</li>
 * <li>something not found or outside the caller's scope → 404, so that a tampered id learns nothing;</li>
 * <li>an action the caller's role does not allow → 403;</li>
 * <li>a business rule that a page forgot to catch → shown as a message on the same page;</li>
 * <li>input that reached the entities' constraints (fields left out of a tampered request) → a message on the
 * same page;</li>
 * <li>an upload over the container's multipart limit → the page again, saying the file is too large;</li>
 * <li>anything else → 500 with an incident number that is also in the server log. No exception text ever
 * reaches the page.</li>
 * </ul>
 */
public class FriendlyExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(FriendlyExceptionHandler.class.getName());

    /** Request attribute read by the 500 page. */
    public static final String INCIDENT = "cadre.incident";

    /** Session attribute: an upload was refused before the page could read it. */
    static final String UPLOAD_TOO_LARGE = "cadre.uploadTooLarge";

    FriendlyExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            events.remove();
            if (context.getResponseComplete()) {
                continue;
            }
            handle(context, thrown);
        }
        getWrapped().handle();
    }

    private void handle(FacesContext context, Throwable thrown) {
        if (isOversizeUpload(thrown)) {
            refuseOversizeUpload(context);
            return;
        }
        Throwable cause = rootOf(thrown);
        if (cause instanceof BusinessException be && context.getViewRoot() != null && !context.getRenderResponse()) {
            Messages.error(be);
            context.renderResponse();
            return;
        }
        if (isConstraintViolation(thrown) && context.getViewRoot() != null && !context.getRenderResponse()) {
            // a form's fields left out of the request skip the form's own checks and reach the entities' constraints:
            // bad input, refused as a whole (the transaction rolled back), not a failure of the server; logged, in
            // case it was the server that built an invalid entity
            LOG.log(Level.WARNING, "A change refused by an entity's constraints: {0}", rootOf(thrown).getMessage());
            Messages.error("general.error.invalid");
            context.renderResponse();
            return;
        }
        int status;
        String page;
        if (cause instanceof ViewExpiredException || isForgedPostback(cause)) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            page = "/error/expired.xhtml";
        } else if (cause instanceof NotFoundException) {
            status = HttpServletResponse.SC_NOT_FOUND;
            page = "/error/404.xhtml";
        } else if (cause instanceof EJBAccessException) {
            status = HttpServletResponse.SC_FORBIDDEN;
            page = "/error/403.xhtml";
            // a page that let in a role its service refuses is worth knowing about
            LOG.log(Level.INFO, "Refused by a service: {0}", cause.getMessage());
        } else {
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            String incident = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            LOG.log(Level.SEVERE, "Incident " + incident, thrown);
            context.getExternalContext().getRequestMap().put(INCIDENT, incident);
            page = "/error/500.xhtml?incident=" + incident;
        }
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        try {
            if (Redirects.isAjax(request) || status == HttpServletResponse.SC_BAD_REQUEST) {
                // after an expired POST the browser should land on a clean GET of the explanation
                if (!response.isCommitted()) {
                    response.reset();
                    SecurityHeaders.apply(request, response);
                }
                Redirects.send(request, response, page);
            } else if (!response.isCommitted()) {
                response.reset();
                SecurityHeaders.apply(request, response);
                response.sendError(status);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Could not show the error page", e);
        }
        context.responseComplete();
    }

    /**
     * A form posted with a file beyond the container's multipart limit (web.xml) cannot be read at all, not even
     * its view state: the page is shown again, with the message a file over the page's own limit gets.
     */
    private static void refuseOversizeUpload(FacesContext context) {
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        HttpServletResponse response = (HttpServletResponse) context.getExternalContext().getResponse();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(UPLOAD_TOO_LARGE, Boolean.TRUE);
        }
        try {
            if (!response.isCommitted()) {
                response.reset();
                SecurityHeaders.apply(request, response);
                Redirects.send(request, response, request.getServletPath());
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Could not answer an oversize upload", e);
        }
        context.responseComplete();
    }

    /** True once after an upload was refused as too large: the page it was sent to says so. */
    public static boolean takeOversizeUpload(FacesContext context) {
        return context.getExternalContext().getSessionMap().remove(UPLOAD_TOO_LARGE) != null;
    }

    /** The container's multipart reader refusing a request or a file over its size limit. */
    static boolean isOversizeUpload(Throwable thrown) {
        for (Throwable c = thrown; c != null && c.getCause() != c; c = c.getCause()) {
            StackTraceElement[] at = c.getStackTrace();
            if (c instanceof ServletException && at.length > 0
                    && at[0].getClassName().startsWith("org.apache.catalina.fileupload.")
                    && c.getMessage() != null && c.getMessage().contains("exceeds")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConstraintViolation(Throwable thrown) {
        // the causes walked (an EJBException's is the exception it wraps); not getCausedByException(), which
        // fails with a ClassCastException when the cause is an Error (an OutOfMemoryError became that, not the
        // error page's own answer)
        for (Throwable c = thrown; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** A postback without the page's CSP nonce did not come from the page we rendered. */
    private static boolean isForgedPostback(Throwable cause) {
        return "org.primefaces.csp.CspException".equals(cause.getClass().getName());
    }

    static Throwable rootOf(Throwable t) {
        // a refusal or "not found" raised while a bean is being made (a view bean's @PostConstruct calling a
        // service) arrives wrapped in the bean container's own exceptions: it is still a refusal, not a failure
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof NotFoundException || c instanceof EJBAccessException) {
                return c;
            }
        }
        Throwable current = t;
        while (current.getCause() != null
                && !(current instanceof BusinessException) && !(current instanceof NotFoundException)
                && !(current instanceof ViewExpiredException) && !(current instanceof EJBAccessException)
                && (current instanceof FacesException || current instanceof ELException
                    || current instanceof EJBException || current.getClass().getName().startsWith("jakarta.")
                    || current instanceof InvocationTargetException
                    || current instanceof ServletException)) {
            current = current.getCause();
        }
        return current;
    }
}
