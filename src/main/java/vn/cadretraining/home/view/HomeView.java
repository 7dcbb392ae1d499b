package vn.cadretraining.home.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.cadretraining.home.service.HomePage;
import vn.cadretraining.home.service.HomeService;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.faces.Messages;

/** The home page: the caller's {@link HomePage}, read once per request. */
@Named
@RequestScoped
public class HomeView {

    @Inject
    CurrentUser currentUser;

    @Inject
    HomeService home;

    private HomePage page;

    public String getGreeting() {
        return Messages.text("home.greeting", currentUser.getDisplayName());
    }

    public HomePage getPage() {
        if (page == null) {
            page = home.page();
        }
        return page;
    }
}
