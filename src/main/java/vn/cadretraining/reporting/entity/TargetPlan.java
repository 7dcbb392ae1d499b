package vn.cadretraining.reporting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;

/**
 * A year's plan: the row a save of that year's targets locks, so that saves of the same year are served one
 * after the other; it records who saved last.
 */
@Entity
@Table(name = "target_plan")
public class TargetPlan extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "year_no", nullable = false, updatable = false)
    private int year;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = Lengths.USERNAME)
    private String updatedBy;

    protected TargetPlan() {
    }

    public TargetPlan(int year, String by) {
        this.year = year;
        touch(by);
    }

    public final void touch(String by) {
        this.updatedAt = Instant.now();
        this.updatedBy = by;
    }

    public int getYear() {
        return year;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
