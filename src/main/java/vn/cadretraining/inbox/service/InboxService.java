package vn.cadretraining.inbox.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
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
     * enrollment request); reading at most a hundred keeps every page's cost the same however many there are.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public int unreadCount() {
        int count = 0;
        for (Inbox side : mine()) {
            // the recipient's column is selected, not the id: the index (recipient, read_at) answers alone
            count += em.createQuery("SELECT n." + side.column() + " FROM Notification n WHERE n." + side.column()
                    + " = :who AND n.readAt IS NULL", Long.class).setParameter("who", side.id())
                    .setMaxResults(BADGE_CAP + 1).getResultList().size();
        }
        return Math.min(count, BADGE_CAP + 1);
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public List<Notification> list(PageRequest page) {
        List<Inbox> sides = mine();
        if (sides.size() == 1) {
            return newestFirst(sides.get(0)).setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        }
        // a cadre's two inboxes: the newest of each up to the end of the page, merged
        List<Notification> both = new ArrayList<>();
        for (Inbox side : sides) {
            both.addAll(newestFirst(side).setMaxResults(page.first() + page.size()).getResultList());
        }
        both.sort(Comparator.comparing(Notification::getCreatedAt).thenComparing(Notification::getId).reversed());
        return both.subList(Math.min(page.first(), both.size()), Math.min(page.first() + page.size(), both.size()));
    }

    private TypedQuery<Notification> newestFirst(Inbox side) {
        return em.createQuery("SELECT n FROM Notification n WHERE n." + side.column() + " = :who"
                + " ORDER BY n.createdAt DESC, n.id DESC", Notification.class).setParameter("who", side.id());
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public long count() {
        long count = 0;
        for (Inbox side : mine()) {
            count += em.createQuery("SELECT COUNT(n." + side.column() + ") FROM Notification n WHERE n."
                    + side.column() + " = :who", Long.class).setParameter("who", side.id()).getSingleResult();
        }
        return count;
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
        int marked = 0;
        for (Inbox side : mine()) {
            marked += em.createQuery("UPDATE Notification n SET n.readAt = CURRENT_TIMESTAMP WHERE n." + side.column()
                    + " = :who AND n.readAt IS NULL").setParameter("who", side.id()).executeUpdate();
        }
        return marked;
    }

    /**
     * A person's inbox: what was sent to their account, and for a cadre what was sent to their cadre record (a
     * notification goes to one or the other). Each is read on its own, through its own index: Derby reads the
     * whole table for an OR of two columns, which every page of every cadre did for the badge (issue 7).
     */
    private List<Inbox> mine() {
        Caller caller = currentUser.get();
        Inbox account = new Inbox("recipientAccountId", caller.accountId());
        return caller.cadreId() == null ? List.of(account)
                : List.of(account, new Inbox("recipientCadreId", caller.cadreId()));
    }

    private record Inbox(String column, long id) {
    }
}
