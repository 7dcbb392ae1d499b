package vn.cadretraining.security.service;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.service.NotFoundException;

/**
 * The person behind the current request, as the container authenticated them. Services ask this, never a
 * session attribute, so that role and scope always come from the server's own record.
 */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    CallerCache callers;

    /** Asked each time (a map lookup): the principal can change within a request, at sign-in. */
    public Optional<Caller> find() {
        Principal p = securityContext.getCallerPrincipal();
        return p == null ? Optional.empty() : callers.get(p.getName()).filter(Caller::enabled);
    }

    /** The caller; a request without one never reaches code that calls this (the container refuses it). */
    public Caller get() {
        return find().orElseThrow(() -> new EJBAccessException("not signed in"));
    }

    public boolean isSignedIn() {
        return find().isPresent();
    }

    public boolean hasRole(String role) {
        return find().map(c -> c.role().name().equals(role)).orElse(false);
    }

    public boolean is(Role role) {
        return find().map(c -> c.role() == role).orElse(false);
    }

    /** Whether the caller's role passes the {@code @RolesAllowed} of that service method (to show its action). */
    public boolean mayCall(Class<?> service, String method) {
        Set<Role> allowed = Roles.allowed(service, method);
        return find().map(c -> allowed.contains(c.role())).orElse(false);
    }

    public String getDisplayName() {
        return find().map(Caller::displayName).orElse("");
    }

    public String getUsername() {
        return find().map(Caller::username).orElse("");
    }

    public Role getRole() {
        return find().map(Caller::role).orElse(null);
    }

    /** Refuses, as "not found", a unit path outside the caller's scope. */
    public void requireUnitPath(String path) {
        if (!get().coversUnitPath(path)) {
            throw new NotFoundException("unit outside scope");
        }
    }
}
