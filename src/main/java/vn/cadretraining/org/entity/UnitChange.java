package vn.cadretraining.org.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;

/** One line of a unit's history: what changed, from which day, who recorded it. */
@Entity
@Table(name = "unit_change")
public class UnitChange extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = Lengths.ENUM)
    private UnitChangeKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private AdminUnit unit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "successor_id")
    private AdminUnit successor;

    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    @Column(name = "detail", length = Lengths.REASON)
    private String detail;

    @Column(name = "recorded_by", length = Lengths.USERNAME)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected UnitChange() {
    }

    public UnitChange(UnitChangeKind kind, AdminUnit unit, AdminUnit successor, LocalDate effectiveDate,
            String detail, String recordedBy) {
        this.kind = kind;
        this.unit = unit;
        this.successor = successor;
        this.effectiveDate = effectiveDate;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now();
    }

    public UnitChangeKind getKind() {
        return kind;
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public AdminUnit getSuccessor() {
        return successor;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public String getDetail() {
        return detail;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
