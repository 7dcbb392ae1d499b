package vn.cadretraining.shared.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.text.Bundle;

/**
 * Faces messages from the bundle, in the language of the current view. Page beans turn a service's
 * {@link BusinessException} into a message here; services never make display text.
 */
public final class Messages {

    private Messages() {
    }

    public static String text(String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        Locale locale = context != null && context.getViewRoot() != null
                ? context.getViewRoot().getLocale() : Locale.forLanguageTag("vi");
        return text(locale, key, args);
    }

    public static String text(Locale locale, String key, Object... args) {
        return Bundle.text(locale, key, args);
    }

    public static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, key, args);
    }

    public static void warn(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_WARN, key, args);
    }

    public static void error(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_ERROR, key, args);
    }

    public static void error(BusinessException e) {
        add(null, FacesMessage.SEVERITY_ERROR, e.getMessageKey(), e.getArguments());
    }

    /** An error shown beside one field (by client id) as well as in the page's message area. */
    public static void errorFor(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, args);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        String summary = text(key, args);
        context.addMessage(clientId, new FacesMessage(severity, summary, null));
    }

    /** Keeps messages across a redirect (post-redirect-get). */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
