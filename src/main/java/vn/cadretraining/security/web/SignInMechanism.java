package vn.cadretraining.security.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CallerCache;
import vn.cadretraining.shared.web.Redirects;
import vn.cadretraining.shared.web.SecurityHeaders;

/**
 * Form sign-in on the application's own page, and the signed-in session after it.
 *
 * <ul>
 * <li>The sign-in page hands the typed credentials to {@code SecurityContext.authenticate}, which lands here
 * and is checked by the identity store. On success the session remembers the username and when it signed
 * in.</li>
 * <li>Every later request of that session is authenticated again from the account as it is now (through
 * {@link CallerCache}): a role changed by an administrator applies at once, and a session whose account was
 * disabled, or given a new password by someone else, since it signed in, ends.</li>
 * <li>A request for a protected page without a caller is sent to the sign-in page, remembering a GET
 * address to return to; an AJAX request gets a Faces partial-response redirect that the Faces script
 * follows. This runs before any filter, so this response gets the security headers here.</li>
 * </ul>
 */
@DeclareRoles({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    /** Session attributes: who signed in, when, and where to go once signed in. */
    public static final String SIGNED_IN_USER = "cadre.signedInUser";
    public static final String SIGNED_IN_AT = "cadre.signedInAt";
    public static final String RETURN_TO = "cadre.returnTo";
    public static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    CallerCache callers;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        boolean ended = false;
        if (session != null && session.getAttribute(SIGNED_IN_USER) instanceof String username) {
            Optional<Caller> caller = callers.get(username).filter(c -> stillValid(c, session));
            if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(username, Set.of(caller.get().role().name()));
            }
            session.invalidate();
            ended = true;
        }
        if (context.isProtected()) {
            try {
                sendToSignIn(request, response, ended);
            } catch (IOException e) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession();
        session.setAttribute(SIGNED_IN_USER, result.getCallerPrincipal().getName());
        session.setAttribute(SIGNED_IN_AT, Instant.now());
        return context.notifyContainerAboutLogin(result);
    }

    /** Enabled, and no password set by someone else since this session signed in. */
    private static boolean stillValid(Caller caller, HttpSession session) {
        if (!caller.enabled()) {
            return false;
        }
        Object signedInAt = session.getAttribute(SIGNED_IN_AT);
        return caller.credentialsChangedAt() == null || !(signedInAt instanceof Instant at)
                || !caller.credentialsChangedAt().isAfter(at);
    }

    private static void sendToSignIn(HttpServletRequest request, HttpServletResponse response, boolean ended)
            throws IOException {
        boolean expired = !ended && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        if ("GET".equals(request.getMethod()) && !Redirects.isAjax(request)) {
            String target = request.getRequestURI().substring(request.getContextPath().length());
            if (request.getQueryString() != null) {
                target += "?" + request.getQueryString();
            }
            request.getSession().setAttribute(RETURN_TO, target);
        }
        SecurityHeaders.apply(request, response);
        String why = ended ? "?ended=true" : expired ? "?expired=true" : "";
        Redirects.send(request, response, LOGIN_PAGE + why);
    }
}
