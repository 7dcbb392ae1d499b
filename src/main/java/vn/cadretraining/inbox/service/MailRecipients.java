package vn.cadretraining.inbox.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import vn.cadretraining.inbox.entity.Notification;
import vn.cadretraining.security.entity.Account;
import vn.cadretraining.shared.text.Bundle;

/** Whom a notification's e-mail goes to: the recipient's account, if it has an address, in its language. */
@Stateless
@PermitAll
public class MailRecipients {

    @PersistenceContext
    EntityManager em;

    record Address(String email, Locale locale) {
    }

    public Optional<Address> addressOf(Notification n) {
        Optional<Account> account;
        if (n.getRecipientAccountId() != null) {
            account = Optional.ofNullable(em.find(Account.class, n.getRecipientAccountId()));
        } else {
            account = em.createQuery("SELECT a FROM Account a WHERE a.cadreId = :c AND a.enabled = TRUE", Account.class)
                    .setParameter("c", n.getRecipientCadreId()).getResultStream().findFirst();
        }
        return account.filter(a -> a.getEmail() != null && !a.getEmail().isBlank())
                .map(a -> new Address(a.getEmail(), Bundle.locale(a.getLocale())));
    }
}
