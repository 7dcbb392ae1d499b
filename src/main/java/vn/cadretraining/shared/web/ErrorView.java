package vn.cadretraining.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.cadretraining.shared.faces.FriendlyExceptionHandler;
import vn.cadretraining.shared.faces.Messages;

/** What the error pages show besides their fixed text. */
@Named
@RequestScoped
public class ErrorView {

    private static final Pattern INCIDENT = Pattern.compile("[0-9A-F]{8}");

    @Inject
    HttpServletRequest request;

    @Inject
    Language language;

    /** The incident number, from this request or, after an AJAX redirect, from the address (only if well formed). */
    public String getIncident() {
        Object attribute = request.getAttribute(FriendlyExceptionHandler.INCIDENT);
        String incident = attribute instanceof String s ? s : request.getParameter("incident");
        return incident != null && INCIDENT.matcher(incident).matches() ? incident : null;
    }

    public String getOtherLanguage() {
        return language.getOther();
    }

    public String other(String key) {
        return Messages.text(Locale.forLanguageTag(language.getOther()), key);
    }
}
