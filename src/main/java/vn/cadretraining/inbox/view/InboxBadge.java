package vn.cadretraining.inbox.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.cadretraining.inbox.service.InboxService;
import vn.cadretraining.security.service.CurrentUser;

/** The unread count in the top bar: one COUNT per page, read once per request. */
@Named
@RequestScoped
public class InboxBadge {

    @Inject
    InboxService inbox;

    @Inject
    CurrentUser currentUser;

    private Long count;

    public long getCount() {
        if (count == null) {
            count = currentUser.isSignedIn() ? inbox.unreadCount() : 0L;
        }
        return count;
    }
}
