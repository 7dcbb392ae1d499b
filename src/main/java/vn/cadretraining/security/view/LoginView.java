package vn.cadretraining.security.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CallerCache;
import vn.cadretraining.security.service.KnownDevices;
import vn.cadretraining.security.service.LoginThrottle;
import vn.cadretraining.security.web.SignInMechanism;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.web.Language;
import vn.cadretraining.shared.web.Redirects;

/** The sign-in page. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext securityContext;

    @Inject
    LoginThrottle throttle;

    @Inject
    CallerCache callers;

    @Inject
    KnownDevices devices;

    @Inject
    FacesContext facesContext;

    @Inject
    ExternalContext externalContext;

    private String username;
    private String password;
    private boolean expired;
    private boolean ended;

    /** Why the person is here, said once on arrival. */
    public void onLoad() throws IOException {
        if (securityContext.getCallerPrincipal() != null) {
            externalContext.redirect(externalContext.getRequestContextPath() + "/index.xhtml");
            return;
        }
        if (expired) {
            Messages.warn("login.expired");
        } else if (ended) {
            Messages.warn("login.ended");
        }
    }

    public String signIn() throws IOException {
        HttpServletRequest request = (HttpServletRequest) externalContext.getRequest();
        HttpServletResponse response = (HttpServletResponse) externalContext.getResponse();
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username,
                                new Password(password == null ? "" : password)))
                        .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            LoginThrottle.Decision decision = throttle.check(username, request.getRemoteAddr(),
                    devices.knows(request, username));
            if (decision.locked()) {
                Messages.error("login.locked", decision.waitMinutes());
            } else if (!decision.allowed()) {
                Messages.error("login.wait", decision.waitSeconds());
            } else {
                Messages.error("login.failed");
            }
            password = null;
            return null;
        }
        // a fresh session id at sign-in, so that an id planted before it is worth nothing
        request.changeSessionId();
        HttpSession session = request.getSession();
        Caller caller = callers.get(securityContext.getCallerPrincipal().getName()).orElseThrow();
        Language.remember(request, response, caller.locale());
        devices.remember(request, response, caller.username());
        Object returnTo = session.getAttribute(SignInMechanism.RETURN_TO);
        session.removeAttribute(SignInMechanism.RETURN_TO);
        String target = returnTo instanceof String s ? Redirects.localPath(s) : "/index.xhtml";
        externalContext.redirect(externalContext.getRequestContextPath() + target);
        facesContext.responseComplete();
        return null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isExpired() {
        return expired;
    }

    public void setExpired(boolean expired) {
        this.expired = expired;
    }

    public boolean isEnded() {
        return ended;
    }

    public void setEnded(boolean ended) {
        this.ended = ended;
    }
}
