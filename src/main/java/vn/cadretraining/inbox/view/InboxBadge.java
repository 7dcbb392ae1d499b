package vn.cadretraining.inbox.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.cadretraining.inbox.service.InboxService;
import vn.cadretraining.security.service.CurrentUser;

/** The unread count in the top bar: read once per request, shown as "99+" beyond {@link InboxService#BADGE_CAP}. */
@Named
@RequestScoped
public class InboxBadge {

    @Inject
    InboxService inbox;

    @Inject
    CurrentUser currentUser;

    private Integer count;

    public int getCount() {
        if (count == null) {
            count = currentUser.isSignedIn() ? inbox.unreadCount() : 0;
        }
        return count;
    }

    public String getLabel() {
        return getCount() > InboxService.BADGE_CAP ? InboxService.BADGE_CAP + "+" : String.valueOf(getCount());
    }
}
