package vn.cadretraining.shared.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.io.Serializable;

/**
 * What every stored thing has: a database identity and an optimistic-lock version.
 *
 * <p>Ids come from identity columns rather than a JPA sequence table: with Derby shut down cleanly they
 * stay consecutive across restarts, and bulk paths (import, demo generator) insert with plain JDBC batches.
 * Two entities are equal when they are of the same class and carry the same id; an entity not yet
 * persisted is equal only to itself.
 */
@MappedSuperclass
public abstract class BaseEntity implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || id == null || !effectiveClass(this).equals(effectiveClass(other))) {
            return false;
        }
        return id.equals(((BaseEntity) other).id);
    }

    @Override
    public final int hashCode() {
        // constant per class so that an entity keeps its bucket when it is persisted
        return effectiveClass(this).hashCode();
    }

    private static Class<?> effectiveClass(Object o) {
        Class<?> c = o.getClass();
        // EclipseLink weaves entities in place (no proxy subclasses), but stay safe for subclasses
        while (c.getSuperclass() != null && c.getSuperclass() != BaseEntity.class
                && c.getSuperclass().isAnnotationPresent(Entity.class)) {
            c = c.getSuperclass();
        }
        return c;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "#" + id;
    }
}
