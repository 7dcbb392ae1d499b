package vn.cadretraining.reporting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;

/**
 * One target of a year: for a unit (the province or a commune-level unit), a measure and, for the measures
 * that have one, a title or a subject group. Its version is what a save compares, cell by cell, so that two
 * reviewers editing the same year never overwrite each other unseen.
 */
@Entity
@Table(name = "training_target")
public class TrainingTarget extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "year_no", nullable = false, updatable = false)
    private int year;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private long unitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "measure", nullable = false, length = Lengths.ENUM, updatable = false)
    private Measure measure;

    /** The title (TITLE_SHARE) or subject group (SUBJECT_TURNS); 0 for the other measures. */
    @Column(name = "dimension_id", nullable = false, updatable = false)
    private long dimensionId;

    @Column(name = "target_value", nullable = false)
    private int value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = Lengths.USERNAME)
    private String updatedBy;

    protected TrainingTarget() {
    }

    public TrainingTarget(int year, long unitId, Measure measure, long dimensionId, int value, String by) {
        if (measure.hasDimension() != (dimensionId != 0)) {
            throw new BusinessException("target.error.dimension");
        }
        this.year = year;
        this.unitId = unitId;
        this.measure = measure;
        this.dimensionId = dimensionId;
        set(value, by);
    }

    /** A new value, within the measure's range (a share is 0-100). */
    public final void set(int newValue, String by) {
        if (newValue < 0 || newValue > measure.max()) {
            throw new BusinessException(measure.isPercent() ? "target.error.percentRange" : "target.error.countRange",
                    measure.max());
        }
        this.value = newValue;
        this.updatedAt = Instant.now();
        this.updatedBy = by;
    }

    public int getYear() {
        return year;
    }

    public long getUnitId() {
        return unitId;
    }

    public Measure getMeasure() {
        return measure;
    }

    public long getDimensionId() {
        return dimensionId;
    }

    public int getValue() {
        return value;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
