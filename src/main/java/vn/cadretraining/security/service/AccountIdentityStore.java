package vn.cadretraining.security.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a username and password against the application's accounts, through the throttle: an attempt
 * that comes too soon after failures is refused without looking at the password at all.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    @Inject
    LoginThrottle throttle;

    @Inject
    KnownDevices devices;

    @Inject
    HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        String address = request.getRemoteAddr();
        if (!throttle.check(username, address, devices.knows(request, username)).allowed()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Caller> caller = accounts.authenticate(username, credential.getPasswordAsString());
        if (caller.isEmpty()) {
            throttle.failed(username, address);
            return CredentialValidationResult.INVALID_RESULT;
        }
        throttle.succeeded(username, address);
        return new CredentialValidationResult(caller.get().username(), Set.of(caller.get().role().name()));
    }

    /**
     * Validates and provides the groups: the identity-store handler keeps the groups of a validation only
     * from a store that declares both.
     */
    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
