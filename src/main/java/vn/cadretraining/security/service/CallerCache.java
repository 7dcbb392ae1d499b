package vn.cadretraining.security.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in callers by username, so that a page costs no query to learn who is asking. Every change to an
 * account evicts it; the next request reads it again.
 */
@ApplicationScoped
public class CallerCache {

    @Inject
    AccountService accounts;

    private final Map<String, Caller> callers = new ConcurrentHashMap<>();

    public Optional<Caller> get(String username) {
        if (username == null) {
            return Optional.empty();
        }
        String key = username.toLowerCase(Locale.ROOT);
        Caller cached = callers.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Caller> loaded = accounts.caller(key);
        loaded.ifPresent(c -> callers.put(key, c));
        return loaded;
    }

    /** Forgets everyone: after a change that touches many accounts' scopes at once. */
    public void clear() {
        callers.clear();
    }

    public void evict(String username) {
        if (username != null) {
            callers.remove(username.toLowerCase(Locale.ROOT));
        }
    }
}
