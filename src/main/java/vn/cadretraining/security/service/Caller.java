package vn.cadretraining.security.service;

import java.io.Serializable;
import java.time.Instant;
import vn.cadretraining.security.entity.Role;

/**
 * What the application needs to know about the signed-in person on every request, read once from the
 * account and kept in {@link CallerCache} until the account changes.
 *
 * @param unitPath the path of the coordinator's unit ("/1/7/"), or null for roles without a unit scope
 * @param cadreId  for a CADRE account, the cadre whose record it opens
 */
public record Caller(
        long accountId,
        String username,
        String displayName,
        Role role,
        Long unitId,
        String unitPath,
        String unitName,
        Long cadreId,
        boolean enabled,
        boolean mustChangePassword,
        String locale,
        Instant credentialsChangedAt) implements Serializable {

    public boolean is(Role r) {
        return role == r;
    }

    /** True when the whole province is in view: administrators and province reviewers. */
    public boolean seesEverything() {
        return role == Role.ADMIN || role == Role.PROVINCE;
    }

    /**
     * True when a thing recorded under the unit with this path is in the caller's scope. Only roles that see
     * everything, and a coordinator for their own subtree, see units; trainers and cadres are scoped by
     * their classes and their own record instead, by the features that own those.
     */
    public boolean coversUnitPath(String path) {
        if (seesEverything()) {
            return true;
        }
        return role == Role.COORDINATOR && unitPath != null && path != null && path.startsWith(unitPath);
    }
}
