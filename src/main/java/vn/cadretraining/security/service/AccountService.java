package vn.cadretraining.security.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cadretraining.audit.entity.AuditAction;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.service.UnitEvents;
import vn.cadretraining.security.entity.Account;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.shared.text.TextFold;

/**
 * Accounts: sign-in checks, the administrator's list and changes, and what a person changes about their
 * own account. The transaction boundary for all of them.
 */
@Stateless
public class AccountService {

    static final PasswordHasher HASHER = new PasswordHasher();

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerCache callers;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    /** An account just created or reset, with the one-time password to hand to its holder. */
    public record Issued(Account account, String temporaryPassword) {
    }

    /** The administrator's filter over the account list. */
    public record Filter(String text, Role role, Boolean enabled) {
        public static final Filter ALL = new Filter(null, null, null);
    }

    // ---- sign-in ------------------------------------------------------------------------------------

    /**
     * The account's caller when the password is right and the account enabled; empty otherwise, after the
     * same amount of work whether or not the username exists.
     */
    @PermitAll
    public Optional<Caller> authenticate(String username, String password) {
        Optional<Account> found = findByUsername(username);
        if (found.isEmpty()) {
            HASHER.verifyNothing(password);
            return Optional.empty();
        }
        Account account = found.get();
        boolean matches = HASHER.verify(password, account.getPasswordHash());
        if (!matches || !account.isEnabled()) {
            return Optional.empty();
        }
        // Bookkeeping, not a change of the account: written by SQL statements of their own, which neither check nor
        // raise the account's version (a JPQL UPDATE raises it in EclipseLink). Through the entity, two sign-ins of
        // one account at the same moment (a double click, two devices) collided on that version and all but one
        // failed, and an administrator saving the account meanwhile was told someone else had changed it.
        if (HASHER.needsRehash(account.getPasswordHash())) {
            // the same password hashed with today's setting: not a new password (its time and the must-change flag
            // stay, so the account's other sessions go on); only over the hash just verified, so that a password
            // changed meanwhile is not put back
            em.createNativeQuery("UPDATE account SET password_hash = ?1 WHERE id = ?2 AND password_hash = ?3")
                    .setParameter(1, HASHER.hash(password)).setParameter(2, account.getId())
                    .setParameter(3, account.getPasswordHash()).executeUpdate();
        }
        em.createNativeQuery("UPDATE account SET last_sign_in_at = CURRENT_TIMESTAMP WHERE id = ?1")
                .setParameter(1, account.getId()).executeUpdate();
        callers.forgetHere(account.getUsername());
        return Optional.of(toCaller(account));
    }

    @PermitAll
    public Optional<Caller> caller(String username) {
        return findByUsername(username).map(AccountService::toCaller);
    }

    private Optional<Account> findByUsername(String username) {
        return em.createQuery("SELECT a FROM Account a LEFT JOIN FETCH a.unit WHERE a.username = :u", Account.class)
                .setParameter("u", Account.normalizeUsername(username))
                .getResultStream().findFirst();
    }

    static Caller toCaller(Account a) {
        AdminUnit u = a.getUnit();
        return new Caller(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(),
                u == null ? null : u.getId(), u == null ? null : u.getPath(), u == null ? null : u.getName(),
                a.getCadreId(), a.isEnabled(), a.isMustChangePassword(), a.getLocale(), a.getPasswordChangedAt());
    }

    // ---- administration -----------------------------------------------------------------------------

    @RolesAllowed(Role.Names.ADMIN)
    public List<Account> list(Filter filter, PageRequest page) {
        TypedQuery<Account> q = em.createQuery("SELECT a FROM Account a LEFT JOIN FETCH a.unit"
                + where(filter) + " ORDER BY " + page.orderBy(ACCOUNT_SORTS, "a.username"), Account.class);
        bind(q, filter);
        return q.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
    }

    @RolesAllowed(Role.Names.ADMIN)
    public long count(Filter filter) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(a) FROM Account a" + where(filter), Long.class);
        bind(q, filter);
        return q.getSingleResult();
    }

    private static final Map<String, String> ACCOUNT_SORTS = Map.of(
            "username", "a.username", "displayName", "a.displayNameFolded", "role", "a.role",
            "lastSignInAt", "a.lastSignInAt");

    /** No "WHERE 1 = 1": with values always bound it becomes "? = ?", which Derby refuses. */
    private static String where(Filter f) {
        List<String> w = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            w.add("(a.username LIKE :text ESCAPE '\\' OR a.displayNameFolded LIKE :text ESCAPE '\\')");
        }
        if (f.role() != null) {
            w.add("a.role = :role");
        }
        if (f.enabled() != null) {
            w.add("a.enabled = :enabled");
        }
        return w.isEmpty() ? "" : " WHERE " + String.join(" AND ", w);
    }

    private static void bind(TypedQuery<?> q, Filter f) {
        if (f.text() != null && !f.text().isBlank()) {
            q.setParameter("text", TextFold.containsPattern(f.text()));
        }
        if (f.role() != null) {
            q.setParameter("role", f.role());
        }
        if (f.enabled() != null) {
            q.setParameter("enabled", f.enabled());
        }
    }

    @RolesAllowed(Role.Names.ADMIN)
    public Account get(long id) {
        return Optional.ofNullable(em.find(Account.class, id)).orElseThrow(() -> new NotFoundException("account"));
    }

    /** Creates an account with a one-time password that must be changed at the first sign-in. */
    @RolesAllowed(Role.Names.ADMIN)
    public Issued create(@NotBlank String username, @NotBlank String displayName, @NotNull Role role, Long unitId) {
        if (findByUsername(username).isPresent()) {
            throw new BusinessException("account.error.usernameTaken", Account.normalizeUsername(username));
        }
        Account account = new Account(username, displayName, role, unit(unitId));
        String temporary = PasswordPolicy.temporary();
        account.setTemporaryPassword(HASHER.hash(temporary));
        em.persist(account);
        em.flush();
        audit.accountCreated(account);
        return new Issued(account, temporary);
    }

    /** Changes name, role and scope; refused when someone else saved the account meanwhile. */
    @RolesAllowed(Role.Names.ADMIN)
    public Account update(long id, long expectedVersion, @NotBlank String displayName, @NotNull Role role, Long unitId) {
        Account account = get(id);
        if (account.getVersion() != expectedVersion) {
            throw new BusinessException("general.error.changedMeanwhile");
        }
        if (isSelf(account) && role != Role.ADMIN) {
            throw new BusinessException("account.error.ownRole");
        }
        account.rename(displayName);
        audit.accountAssigned(account, role, unitId);
        account.assign(role, unit(unitId));
        callers.evict(account.getUsername());
        return account;
    }

    @RolesAllowed(Role.Names.ADMIN)
    public void disable(long id) {
        Account account = get(id);
        if (isSelf(account)) {
            throw new BusinessException("account.error.disableSelf");
        }
        account.disable();
        audit.account(AuditAction.ACCOUNT_DISABLED, account);
        callers.evict(account.getUsername());
    }

    @RolesAllowed(Role.Names.ADMIN)
    public void enable(long id) {
        Account account = get(id);
        account.enable();
        audit.account(AuditAction.ACCOUNT_ENABLED, account);
        callers.evict(account.getUsername());
    }

    /** Replaces the password with a one-time one; the holder's open sessions end at their next request. */
    @RolesAllowed(Role.Names.ADMIN)
    public Issued resetPassword(long id) {
        Account account = get(id);
        String temporary = PasswordPolicy.temporary();
        account.setTemporaryPassword(HASHER.hash(temporary));
        audit.account(AuditAction.PASSWORD_RESET, account);
        callers.evict(account.getUsername());
        return new Issued(account, temporary);
    }

    // ---- cadres' accounts, given by their coordinator ------------------------------------------------

    /** The account that opens a cadre's record, if one was given. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Optional<Account> forCadre(long cadreId) {
        return em.createQuery("SELECT a FROM Account a WHERE a.cadreId = :c", Account.class)
                .setParameter("c", cadreId).getResultStream().findFirst();
    }

    /**
     * Gives a cadre an account with a one-time password. The caller (the people feature) has loaded the cadre
     * in the caller's scope; the unit path is checked here again so that no other path can skip it.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public Issued createForCadre(String username, String displayName, long cadreId, String cadreUnitPath) {
        currentUser.requireUnitPath(cadreUnitPath);
        if (forCadre(cadreId).isPresent()) {
            throw new BusinessException("account.error.cadreHasAccount");
        }
        if (findByUsername(username).isPresent()) {
            throw new BusinessException("account.error.usernameTaken", Account.normalizeUsername(username));
        }
        Account account = new Account(username, displayName, Role.CADRE, null);
        account.linkCadre(cadreId);
        String temporary = PasswordPolicy.temporary();
        account.setTemporaryPassword(HASHER.hash(temporary));
        em.persist(account);
        em.flush();
        audit.accountCreated(account);
        return new Issued(account, temporary);
    }

    /**
     * A new one-time password for a cadre's account (the cadre forgot theirs). Only administrators disable
     * accounts, so only they may enable one again: a coordinator's reset of a disabled account is refused.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public Issued resetForCadre(long cadreId, String cadreUnitPath) {
        currentUser.requireUnitPath(cadreUnitPath);
        Account account = forCadre(cadreId).orElseThrow(() -> new NotFoundException("account"));
        if (!account.isEnabled() && currentUser.get().role() != Role.ADMIN) {
            throw new BusinessException("account.error.disabledByAdmin");
        }
        String temporary = PasswordPolicy.temporary();
        account.setTemporaryPassword(HASHER.hash(temporary));
        if (!account.isEnabled()) {
            // an administrator's reset also gives the account back: the trail says so, not only "reset"
            audit.account(AuditAction.ACCOUNT_ENABLED, account);
        }
        account.enable();
        callers.evict(account.getUsername());
        audit.account(AuditAction.PASSWORD_RESET, account);
        return new Issued(account, temporary);
    }

    /** Coordinators bound to merged units now look after the successor. */
    public void onMerged(@Observes UnitEvents.Merged merged) {
        em.createQuery("UPDATE Account a SET a.unit = :s WHERE a.unit.id IN :ids")
                .setParameter("s", em.find(AdminUnit.class, merged.successorId()))
                .setParameter("ids", merged.sourceIds()).executeUpdate();
        callers.clear();
    }

    /** Units moved: the coordinators' cached scopes (unit paths) are read again. */
    public void onSubtreeMoved(@Observes UnitEvents.SubtreeMoved moved) {
        callers.clear();
    }

    /** For a merge preview: the coordinators who would move to the successor. */
    public void onPreview(@Observes UnitEvents.MergePreview preview) {
        List<String> usernames = em.createQuery("SELECT a.username FROM Account a WHERE a.unit.id IN :ids"
                        + " ORDER BY a.username", String.class)
                .setParameter("ids", preview.sourceIds()).getResultList();
        preview.add(new UnitEvents.PreviewLine("merge.preview.coordinators",
                usernames.size(), usernames));
    }

    private boolean isSelf(Account account) {
        return currentUser.find().map(c -> c.accountId() == account.getId()).orElse(false);
    }

    private AdminUnit unit(Long unitId) {
        if (unitId == null) {
            return null;
        }
        return Optional.ofNullable(em.find(AdminUnit.class, unitId))
                .orElseThrow(() -> new BusinessException("account.error.unknownUnit"));
    }

    // ---- one's own account --------------------------------------------------------------------------

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public void changeOwnPassword(@NotNull String current, @NotNull String chosen) {
        Account account = em.find(Account.class, currentUser.get().accountId());
        if (!HASHER.verify(current, account.getPasswordHash())) {
            throw new BusinessException("password.error.currentWrong");
        }
        PasswordPolicy.problem(chosen, account.getUsername()).ifPresent(key -> {
            throw new BusinessException(key);
        });
        if (HASHER.verify(chosen, account.getPasswordHash())) {
            throw new BusinessException("password.error.same");
        }
        account.setOwnPassword(HASHER.hash(chosen));
        callers.evict(account.getUsername());
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public void chooseLocale(@NotNull String languageTag) {
        Account account = em.find(Account.class, currentUser.get().accountId());
        account.chooseLocale(languageTag);
        callers.evict(account.getUsername());
    }
}
