package vn.cadretraining.inbox.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import vn.cadretraining.inbox.entity.Notification;
import vn.cadretraining.inbox.service.InboxService;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.faces.PagedModel;

/** The inbox: newest first, unread ones marked, each opening the class it is about. */
@Named
@ViewScoped
public class InboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    InboxService inbox;

    @Inject
    CurrentUser currentUser;

    private PagedModel<Notification> model;

    @PostConstruct
    void init() {
        model = PagedModel.ofEntities(inbox::count, inbox::list);
    }

    public String text(Notification n) {
        return Messages.text(n.getMessageKey(), n.arguments());
    }

    /** Where a notification leads: a cadre to the class as offered to them, staff to its enrollments. */
    public String link(Notification n) {
        if (n.getClassId() == null) {
            return null;
        }
        return (currentUser.is(Role.CADRE) ? "/me/offer.xhtml?id=" : "/enrollment/class.xhtml?id=") + n.getClassId();
    }

    /** Opens what the notification is about, and counts it as read. */
    public String follow(Notification n) {
        inbox.markRead(n.getId());
        String link = link(n);
        return link == null ? null : link.replace(".xhtml?", "?faces-redirect=true&");
    }

    public void markAllRead() {
        int n = inbox.markAllRead();
        Messages.info("inbox.markedRead", n);
    }

    public PagedModel<Notification> getModel() {
        return model;
    }
}
