package vn.cadretraining.security.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import vn.cadretraining.security.service.AccountService;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.security.web.SignInMechanism;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;

/** Changing one's own password; also where a one-time password leads at first sign-in. */
@Named
@RequestScoped
public class PasswordView {

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    ExternalContext externalContext;

    private String current;
    private String chosen;
    private String repeated;

    public boolean isFirstTime() {
        return currentUser.find().map(c -> c.mustChangePassword()).orElse(false);
    }

    public String save() throws IOException {
        if (chosen == null || !chosen.equals(repeated)) {
            Messages.errorFor("password:repeated", "password.error.mismatch");
            return null;
        }
        try {
            accounts.changeOwnPassword(current, chosen);
        } catch (BusinessException e) {
            Messages.error(e);
            return null;
        }
        // this session stays signed in; other sessions of the account end at their next request
        HttpServletRequest request = (HttpServletRequest) externalContext.getRequest();
        request.getSession().setAttribute(SignInMechanism.SIGNED_IN_AT, Instant.now());
        Messages.info("password.changed");
        Messages.keepForRedirect();
        externalContext.redirect(externalContext.getRequestContextPath() + "/index.xhtml");
        return null;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getChosen() {
        return chosen;
    }

    public void setChosen(String chosen) {
        this.chosen = chosen;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
