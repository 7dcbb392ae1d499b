package vn.cadretraining.security.service;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.cadretraining.security.entity.Role;

/**
 * The roles a service method's {@code @RolesAllowed} lets in, read from the annotation itself: a page that shows
 * or hides an action asks this rather than repeating the list, so the container's check and the page never part.
 */
public final class Roles {

    private static final Map<String, Set<Role>> ALLOWED = new ConcurrentHashMap<>();

    private Roles() {
    }

    /**
     * The roles allowed to call the public method of this name (the method's annotation, else the class's).
     *
     * @throws IllegalStateException when no such method exists or it has no {@code @RolesAllowed}
     */
    public static Set<Role> allowed(Class<?> service, String method) {
        return ALLOWED.computeIfAbsent(service.getName() + "#" + method, k -> read(service, method));
    }

    private static Set<Role> read(Class<?> service, String name) {
        Method method = Arrays.stream(service.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no method " + service.getSimpleName() + "." + name));
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : service.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            throw new IllegalStateException(service.getSimpleName() + "." + name + " has no @RolesAllowed");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(allowed.value()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
