package vn.cadretraining.inbox.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import vn.cadretraining.inbox.entity.Notification;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;

/**
 * The in-app inbox: notifications are written in the transaction of what caused them (a decision, a moved
 * waitlist, a changed session), so that nobody is told of something that did not happen; e-mail, when an
 * SMTP server is configured, goes out only after that transaction committed.
 */
@Stateless
public class InboxService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<Notification> sent;

    /** Adds a notification to its recipient's inbox (called by other features' services). */
    @PermitAll
    public void send(Notification notification) {
        em.persist(notification);
        sent.fire(notification);
    }

    /** The top bar shows up to this many unread notifications, and "99+" beyond. */
    public static final int BADGE_CAP = 99;

    /**
     * The caller's unread notifications, counted up to {@link #BADGE_CAP} + 1 and no further: every page shows
     * this number, and a coordinator who does not open the inbox gathers unread notices by the thousand (one per
     * enrolment request); reading at most a hundred keeps every page's cost the same however many there are.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public int unreadCount() {
        TypedQuery<Long> q = em.createQuery("SELECT n.id FROM Notification n WHERE " + mine()
                + " AND n.readAt IS NULL", Long.class);
        bind(q);
        return q.setMaxResults(BADGE_CAP + 1).getResultList().size();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public List<Notification> list(PageRequest page) {
        TypedQuery<Notification> q = em.createQuery("SELECT n FROM Notification n WHERE " + mine()
                + " ORDER BY n.createdAt DESC, n.id DESC", Notification.class);
        bind(q);
        return q.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public long count() {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(n) FROM Notification n WHERE " + mine(), Long.class);
        bind(q);
        return q.getSingleResult();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public void markRead(long id) {
        Notification n = em.find(Notification.class, id);
        Caller caller = currentUser.get();
        boolean own = n != null && (Long.valueOf(caller.accountId()).equals(n.getRecipientAccountId())
                || caller.cadreId() != null && caller.cadreId().equals(n.getRecipientCadreId()));
        if (!own) {
            throw new NotFoundException("notification");
        }
        n.markRead();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public int markAllRead() {
        var q = em.createQuery("UPDATE Notification n SET n.readAt = CURRENT_TIMESTAMP WHERE " + mine()
                + " AND n.readAt IS NULL");
        Caller caller = currentUser.get();
        q.setParameter("account", caller.accountId());
        if (caller.cadreId() != null) {
            q.setParameter("cadre", caller.cadreId());
        }
        return q.executeUpdate();
    }

    /** A person's inbox: sent to their account, or (for a cadre) to their cadre record. */
    private String mine() {
        return currentUser.get().cadreId() == null ? "n.recipientAccountId = :account"
                : "(n.recipientAccountId = :account OR n.recipientCadreId = :cadre)";
    }

    private void bind(TypedQuery<?> q) {
        Caller caller = currentUser.get();
        q.setParameter("account", caller.accountId());
        if (caller.cadreId() != null) {
            q.setParameter("cadre", caller.cadreId());
        }
    }
}
