package vn.cadretraining.shared.service;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Maps that every node of a cluster shares: a map of Payara's Hazelcast data grid when the server runs one
 * ({@code setup/cluster}), this JVM's own map otherwise ({@code setup/run} and the tests start Payara without it).
 *
 * <p>The grid's map is a {@link ConcurrentMap}, so callers need no Hazelcast API: they change entries with
 * {@code compute} (atomic on the grid too) and keep only JDK types in them (strings, numbers, arrays of them),
 * which every node can read whatever its application's class loader.
 */
public final class ClusterMaps {

    private static final Logger LOG = Logger.getLogger(ClusterMaps.class.getName());

    /** Where Payara Micro binds its Hazelcast instance. */
    private static final String HAZELCAST_JNDI = "payara/Hazelcast";

    private ClusterMaps() {
    }

    /** Whether this server is a node of a cluster: Payara runs its data grid. */
    public static boolean clustered() {
        try {
            InitialContext.doLookup(HAZELCAST_JNDI);
            return true;
        } catch (NamingException | RuntimeException e) {
            return false;
        }
    }

    /** The cluster's map of this name, or a new map of this JVM's when no data grid runs. */
    @SuppressWarnings("unchecked")
    public static <K, V> ConcurrentMap<K, V> map(String name) {
        try {
            Object hazelcast = InitialContext.doLookup(HAZELCAST_JNDI);
            Class<?> api = Class.forName("com.hazelcast.core.HazelcastInstance", true,
                    hazelcast.getClass().getClassLoader());
            Method getMap = api.getMethod("getMap", String.class);
            Object map = getMap.invoke(hazelcast, name);
            LOG.info(() -> "Map " + name + " is shared by the cluster's nodes");
            return (ConcurrentMap<K, V>) map;
        } catch (NamingException | ReflectiveOperationException | ClassCastException | LinkageError e) {
            if (clustered()) {
                // a node of a cluster whose map is its own would count sign-ins and serve accounts on its own
                LOG.warning(() -> "Map " + name + " could not be taken from the data grid (" + e
                        + "): this node keeps its own");
            } else {
                LOG.fine(() -> "No data grid (" + e + "): map " + name + " is this node's own");
            }
            return new ConcurrentHashMap<>();
        }
    }
}
