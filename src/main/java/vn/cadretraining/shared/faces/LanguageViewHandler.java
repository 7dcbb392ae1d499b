package vn.cadretraining.shared.faces;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import vn.cadretraining.shared.web.Language;

/**
 * Every view starts in the person's chosen language (cookie, else Vietnamese) rather than the browser's
 * Accept-Language, so that messages made before rendering (a view action, a validation) are in the same
 * language as the page.
 */
public class LanguageViewHandler extends ViewHandlerWrapper {

    public LanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        Object request = context.getExternalContext().getRequest();
        return request instanceof HttpServletRequest http ? Language.resolve(http) : Language.VIETNAMESE;
    }
}
