package vn.cadretraining.security.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import vn.cadretraining.shared.service.ClusterMaps;

/**
 * Signed-in callers by username, so that a page costs no query to learn who is asking. Every change to an
 * account evicts it; the next request reads it again.
 *
 * <p>Each node keeps its own callers, but an eviction must reach every node at once: a disabled account or a
 * changed role is refused on all of them at its next request. So an eviction moves the account's stamp in a map
 * the nodes share ({@link ClusterMaps}), and a caller is served from this node's memory only while the stamps it
 * was read under are still the current ones (one read of the shared map per request). The stamp moves again when
 * the changing transaction ends, so that a request that read the account between the eviction and the commit
 * does not keep the old account.
 */
@ApplicationScoped
public class CallerCache {

    /** The stamp that {@link #clear()} moves: every caller read before it is read again. */
    private static final String EVERYONE = "*";

    @Inject
    AccountService accounts;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Cached> callers = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, Long> stamps = ClusterMaps.map("cadre.callerStamps");

    private record Cached(Caller caller, long stamp, long everyone) {
    }

    public Optional<Caller> get(String username) {
        if (username == null) {
            return Optional.empty();
        }
        String key = username.toLowerCase(Locale.ROOT);
        long stamp = stamps.getOrDefault(key, 0L);
        long everyone = stamps.getOrDefault(EVERYONE, 0L);
        Cached cached = callers.get(key);
        if (cached != null && cached.stamp() == stamp && cached.everyone() == everyone) {
            return Optional.of(cached.caller());
        }
        Optional<Caller> loaded = accounts.caller(key);
        loaded.ifPresentOrElse(c -> callers.put(key, new Cached(c, stamp, everyone)), () -> callers.remove(key));
        return loaded;
    }

    /** Forgets everyone: after a change that touches many accounts' scopes at once. */
    public void clear() {
        callers.clear();
        move(EVERYONE);
    }

    public void evict(String username) {
        if (username != null) {
            String key = username.toLowerCase(Locale.ROOT);
            callers.remove(key);
            move(key);
        }
    }

    /**
     * Forgets the caller on this node only: after a sign-in, which changes nothing another node's copy holds, so
     * that the shared map keeps a stamp only for accounts that changed.
     */
    public void forgetHere(String username) {
        if (username != null) {
            callers.remove(username.toLowerCase(Locale.ROOT));
        }
    }

    private void move(String key) {
        stamps.merge(key, 1L, Long::sum);
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    stamps.merge(key, 1L, Long::sum);
                }
            });
        }
    }
}
