package vn.cadretraining.catalog.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.cadretraining.catalog.entity.Provider;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.catalog.entity.Trainer;
import vn.cadretraining.catalog.entity.Venue;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.security.entity.Account;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;

/**
 * The catalog's reference lists: subject groups, providers, venues and trainers. Everyone who plans or follows
 * training reads them (to fill and show courses and classes); only the administrator changes them. Nothing is
 * ever deleted: courses and classes of past years still name them, so a list entry is retired instead.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER})
public class ReferenceListService {

    private static final Map<String, String> VENUE_SORTS = Map.of("name", "v.nameFolded");
    private static final Map<String, String> TRAINER_SORTS = Map.of("fullName", "t.nameFolded");
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    @PersistenceContext
    EntityManager em;

    /** What a venue or trainer list is narrowed to: words of the name, and active or retired (null: both). */
    public record ListFilter(String text, Boolean active) implements Serializable {
        public static final ListFilter ALL = new ListFilter(null, null);
    }

    /** A trainer as the administrator's form submits it; a blank username unlinks the account. */
    public record TrainerDetails(String fullName, String affiliation, Long providerId, String phone, String email,
            String accountUsername, boolean active) {
    }

    // ---- reading ------------------------------------------------------------------------------------

    /** Short lists (about ten), kept in the shared cache. */
    public List<SubjectGroup> subjectGroups(boolean activeOnly) {
        return em.createQuery("SELECT g FROM SubjectGroup g" + (activeOnly ? " WHERE g.active = TRUE" : "")
                + " ORDER BY g.active DESC, g.sortOrder, g.nameVi", SubjectGroup.class).getResultList();
    }

    public List<Provider> providers(boolean activeOnly) {
        return em.createQuery("SELECT p FROM Provider p" + (activeOnly ? " WHERE p.active = TRUE" : "")
                + " ORDER BY p.active DESC, p.nameFolded", Provider.class).getResultList();
    }

    public Optional<Provider> findProvider(long id) {
        return Optional.ofNullable(em.find(Provider.class, id));
    }

    /** Venues grow with every commune hall and connection point: paged and counted in the database. */
    public List<Venue> venues(ListFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Venue> q = em.createQuery("SELECT v FROM Venue v LEFT JOIN FETCH v.unit"
                + where("v", filter, params) + " ORDER BY " + page.orderBy(VENUE_SORTS, "v.active DESC, v.nameFolded, v.id"),
                Venue.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
    }

    public long countVenues(ListFilter filter) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(v) FROM Venue v" + where("v", filter, params), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** Active venues whose name contains what was typed, ignoring diacritics: for pickers. */
    public List<Venue> completeVenues(String typed, int limit) {
        return em.createQuery("SELECT v FROM Venue v WHERE v.active = TRUE AND v.nameFolded LIKE :t"
                + " ORDER BY v.nameFolded", Venue.class)
                .setParameter("t", Search.contains(typed)).setMaxResults(limit).getResultList();
    }

    public List<TrainerRow> trainers(ListFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Trainer> q = em.createQuery("SELECT t FROM Trainer t LEFT JOIN FETCH t.provider"
                + where("t", filter, params)
                + " ORDER BY " + page.orderBy(TRAINER_SORTS, "t.active DESC, t.nameFolded, t.id"), Trainer.class);
        params.forEach(q::setParameter);
        List<Trainer> trainers = q.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        // the linked accounts' usernames for the whole page in one query
        List<Long> accountIds = trainers.stream().map(Trainer::getAccountId).filter(Objects::nonNull).toList();
        Map<Long, String> usernames = new HashMap<>();
        if (!accountIds.isEmpty()) {
            for (Object[] row : em.createQuery("SELECT a.id, a.username FROM Account a WHERE a.id IN :ids", Object[].class)
                    .setParameter("ids", accountIds).getResultList()) {
                usernames.put((Long) row[0], (String) row[1]);
            }
        }
        return trainers.stream().map(t -> new TrainerRow(t, usernames.get(t.getAccountId()))).toList();
    }

    public long countTrainers(ListFilter filter) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(t) FROM Trainer t" + where("t", filter, params), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** Active trainers whose name contains what was typed: for pickers. */
    public List<Trainer> completeTrainers(String typed, int limit) {
        return em.createQuery("SELECT t FROM Trainer t WHERE t.active = TRUE AND t.nameFolded LIKE :t"
                + " ORDER BY t.nameFolded", Trainer.class)
                .setParameter("t", Search.contains(typed)).setMaxResults(limit).getResultList();
    }

    /** The trainer record of an account, if it has one. */
    public Optional<Trainer> trainerOfAccount(long accountId) {
        return em.createQuery("SELECT t FROM Trainer t WHERE t.accountId = :a", Trainer.class)
                .setParameter("a", accountId).getResultStream().findFirst();
    }

    private static String where(String alias, ListFilter f, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            conditions.add(alias + ".nameFolded LIKE :text");
            params.put("text", Search.contains(f.text()));
        }
        if (f.active() != null) {
            conditions.add(alias + ".active = :active");
            params.put("active", f.active());
        }
        return Search.where(conditions);
    }

    // ---- changing (the administrator) -------------------------------------------------------------

    @RolesAllowed(Role.Names.ADMIN)
    public SubjectGroup createSubjectGroup(String code, String nameVi, String nameEn, int sortOrder) {
        SubjectGroup group = new SubjectGroup(code, nameVi, nameEn, sortOrder);
        long taken = em.createQuery("SELECT COUNT(g) FROM SubjectGroup g WHERE g.code = :c", Long.class)
                .setParameter("c", group.getCode()).getSingleResult();
        if (taken > 0) {
            throw new BusinessException("references.error.codeTaken", group.getCode());
        }
        em.persist(group);
        return group;
    }

    @RolesAllowed(Role.Names.ADMIN)
    public SubjectGroup updateSubjectGroup(long id, long expectedVersion, String nameVi, String nameEn, int sortOrder,
            boolean active) {
        SubjectGroup group = current(SubjectGroup.class, id, expectedVersion);
        group.describe(nameVi, nameEn, sortOrder, active);
        return group;
    }

    /** Creates a provider when {@code id} is null, else changes it. */
    @RolesAllowed(Role.Names.ADMIN)
    public Provider saveProvider(Long id, long expectedVersion, String nameVi, String nameEn, String contact,
            boolean active) {
        if (id == null) {
            Provider provider = new Provider(nameVi, nameEn, blankToNull(contact));
            em.persist(provider);
            return provider;
        }
        Provider provider = current(Provider.class, id, expectedVersion);
        provider.describe(nameVi, nameEn, blankToNull(contact), active);
        return provider;
    }

    /** Creates a venue when {@code id} is null, else changes it. */
    @RolesAllowed(Role.Names.ADMIN)
    public Venue saveVenue(Long id, long expectedVersion, String name, String address, Long unitId, Integer capacity,
            boolean active) {
        AdminUnit unit = unitId == null ? null
                : Optional.ofNullable(em.find(AdminUnit.class, unitId)).orElseThrow(() -> new NotFoundException("unit"));
        if (id == null) {
            Venue venue = new Venue(name, blankToNull(address), unit, capacity);
            em.persist(venue);
            return venue;
        }
        Venue venue = current(Venue.class, id, expectedVersion);
        venue.describe(name, blankToNull(address), unit, capacity, active);
        return venue;
    }

    /**
     * Creates a trainer when {@code id} is null, else changes it. The account, named by its username, must be a
     * TRAINER account not yet linked to another trainer: the link is how a signed-in trainer finds their classes.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public Trainer saveTrainer(Long id, long expectedVersion, TrainerDetails d) {
        Provider provider = d.providerId() == null ? null
                : findProvider(d.providerId()).orElseThrow(() -> new NotFoundException("provider"));
        String email = blankToNull(d.email());
        if (email != null && !email.matches(EMAIL)) {
            throw new BusinessException("references.error.email");
        }
        String phone = d.phone() == null ? null : blankToNull(d.phone().replaceAll("[\\s.]", ""));
        if (phone != null && !phone.matches("\\+?[0-9]{8,14}")) {
            throw new BusinessException("references.error.phone");
        }
        Trainer trainer;
        if (id == null) {
            trainer = new Trainer(d.fullName(), blankToNull(d.affiliation()), provider);
        } else {
            trainer = current(Trainer.class, id, expectedVersion);
        }
        trainer.describe(d.fullName(), blankToNull(d.affiliation()), provider, phone, email, d.active());
        trainer.linkAccount(accountFor(d.accountUsername(), id));
        if (id == null) {
            em.persist(trainer);
        }
        return trainer;
    }

    /** TRAINER accounts not linked to any trainer but {@code trainerId}, by username or name: for the picker. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<Account> freeTrainerAccounts(String typed, Long trainerId) {
        // two plain queries rather than NOT EXISTS: with a subquery EclipseLink may stop binding on Derby and then
        // prints TRUE as 1, which Derby refuses against a BOOLEAN column
        List<Account> candidates = em.createQuery("SELECT a FROM Account a WHERE a.role = :role AND a.enabled = TRUE"
                + " AND (a.username LIKE :t OR a.displayNameFolded LIKE :t) ORDER BY a.username", Account.class)
                .setParameter("role", Role.TRAINER)
                .setParameter("t", Search.contains(typed))
                .setMaxResults(40).getResultList();
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<Long> linked = em.createQuery("SELECT t.accountId FROM Trainer t WHERE t.accountId IN :ids"
                + " AND t.id <> :self", Long.class)
                .setParameter("ids", candidates.stream().map(Account::getId).toList())
                .setParameter("self", trainerId == null ? -1L : trainerId).getResultList();
        return candidates.stream().filter(a -> !linked.contains(a.getId())).limit(20).toList();
    }

    private Long accountFor(String username, Long trainerId) {
        if (username == null || username.isBlank()) {
            return null;
        }
        Account account = em.createQuery("SELECT a FROM Account a WHERE a.username = :u", Account.class)
                .setParameter("u", Account.normalizeUsername(username)).getResultStream().findFirst()
                .filter(a -> a.getRole() == Role.TRAINER)
                .orElseThrow(() -> new BusinessException("references.error.notTrainerAccount", username.strip()));
        em.createQuery("SELECT t FROM Trainer t WHERE t.accountId = :a AND t.id <> :self", Trainer.class)
                .setParameter("a", account.getId()).setParameter("self", trainerId == null ? -1L : trainerId)
                .getResultStream().findFirst().ifPresent(other -> {
                    throw new BusinessException("references.error.accountTaken", account.getUsername(),
                            other.getFullName());
                });
        return account.getId();
    }

    private <T extends BaseEntity> T current(Class<T> type, long id, long expectedVersion) {
        T entity = em.find(type, id);
        if (entity == null) {
            throw new NotFoundException(type.getSimpleName());
        }
        if (entity.getVersion() != expectedVersion) {
            throw new BusinessException("general.error.changedMeanwhile");
        }
        return entity;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
