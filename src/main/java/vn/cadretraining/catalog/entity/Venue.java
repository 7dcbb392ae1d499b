package vn.cadretraining.catalog.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.text.TextFold;

/**
 * A hall where sessions take place, or a connection point (điểm cầu) of an online conference: a commune's
 * meeting room with a screen is both.
 */
@Entity
@Cacheable
@Table(name = "venue")
public class Venue extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "name", nullable = false, length = Lengths.LONG_NAME)
    private String name;

    @Column(name = "name_folded", nullable = false, length = Lengths.LONG_NAME)
    private String nameFolded;

    @Column(name = "address", length = Lengths.LINE)
    private String address;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private AdminUnit unit;

    @Column(name = "capacity")
    private Integer capacity;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected Venue() {
    }

    public Venue(String name, String address, AdminUnit unit, Integer capacity) {
        describe(name, address, unit, capacity, true);
    }

    public final void describe(String newName, String newAddress, AdminUnit newUnit, Integer newCapacity,
            boolean newActive) {
        if (newName == null || newName.isBlank()) {
            throw new BusinessException("references.error.nameRequired");
        }
        if (newCapacity != null && newCapacity < 1) {
            throw new BusinessException("references.error.capacity");
        }
        this.name = newName.strip();
        this.address = newAddress;
        this.unit = newUnit;
        this.capacity = newCapacity;
        this.active = newActive;
    }

    @PrePersist
    @PreUpdate
    void fold() {
        nameFolded = TextFold.fold(name);
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public boolean isActive() {
        return active;
    }
}
